@preconcurrency import CNcursesw
import CursesShim

#if canImport(Glibc)
import Glibc
#endif

/// The ncursesw adapter: the only code that calls ncurses. It draws frames by changed
/// runs of cells, reads keys as wide characters, turns on bracketed paste, and leaves
/// the terminal as it found it on every way out (see `restore` and CursesShim).
public final class CursesTerminal: Terminal {
    private var decoder = KeyDecoder()
    private var pending: [Key] = []
    private var shown: Frame?
    private var active = false
    private let useColor: Bool

    private static let pasteStartCode: Int32 = 0x7F00
    private static let pasteEndCode: Int32 = 0x7F01
    private static let escapeDelay: Int32 = 25

    /// Starts curses on the controlling terminal. `color: false` draws with bold, reverse and
    /// underline only (for `NO_COLOR` and monochrome terminals).
    public init(color: Bool) {
        CursesTerminal.useUTF8Locale()
        shim_save_terminal_and_guard_crashes()
        initscr()
        // ncurses flushes after every cursor move until its first return from endwin (its
        // "initial" state), which split each frame into one write per changed run; leaving and
        // re-entering once, before anything is drawn, makes a frame one write.
        endwin()
        refresh()
        active = true
        raw()          // Ctrl-C and Ctrl-S reach us as keys (the wizard asks before quitting)
        noecho()
        nonl()
        keypad(stdscr, true)
        typeahead(-1)  // no poll for pending keys before each update: frames are small
        set_escdelay(CursesTerminal.escapeDelay)
        // Home and End as the common terminals send them, whatever TERM's entry says.
        for home in ["\u{1B}[1~", "\u{1B}[7~", "\u{1B}[H", "\u{1B}OH"] { define_key(home, KEY_HOME) }
        for end in ["\u{1B}[4~", "\u{1B}[8~", "\u{1B}[F", "\u{1B}OF"] { define_key(end, KEY_END) }
        define_key("\u{1B}[200~", CursesTerminal.pasteStartCode)
        define_key("\u{1B}[201~", CursesTerminal.pasteEndCode)
        useColor = color && has_colors()
        if useColor {
            start_color()
            use_default_colors()
            init_pair(1, Int16(COLOR_CYAN), -1)    // accent
            init_pair(2, Int16(COLOR_RED), -1)     // error
            init_pair(3, Int16(COLOR_YELLOW), -1)  // warning
            init_pair(4, Int16(COLOR_GREEN), -1)   // ok
            init_pair(5, Int16(COLOR_BLUE), -1)    // muted
        }
        shim_install_quit_signals()
        writeRaw("\u{1B}[?2004h")  // bracketed paste on
    }

    deinit { restore() }

    /// The user's locale, but always with a UTF-8 character set: certwiz writes UTF-8, and
    /// `LANG=ja_JP.UTF-8` on a server without that locale installed would otherwise leave
    /// ncurses in the C locale, printing Japanese as bytes.
    static func useUTF8Locale() {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET))).uppercased().filter { $0 != "-" }
        guard codeset != "UTF8" else { return }
        for fallback in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_CTYPE, fallback) != nil { return }
    }

    public var size: Size { Size(width: Int(shim_cols()), height: Int(shim_lines())) }

    public func takeSignal() -> Int32? {
        let signal = shim_take_pending_signal()
        return signal == 0 ? nil : signal
    }

    public func nextKey(timeout: Int) -> Key? {
        if !pending.isEmpty { return pending.removeFirst() }
        var wait = Int32(timeout)
        while true {
            wtimeout(stdscr, decoder.awaitsMore ? CursesTerminal.escapeDelay : decoder.inPaste ? 500 : wait)
            var character: wint_t = 0
            let status = get_wch(&character)
            let input: KeyDecoder.Input
            if status == ERR {
                if decoder.inPaste { pending += decoder.flushPaste() }
                else if decoder.awaitsMore { pending += decoder.feed(.timeout) }
                else {
                    // A terminal gone without a SIGHUP (its master closed by a killed driver) reads
                    // as end of file at once, forever: taken as the hangup it is, or the loop spins.
                    if stdinHungUp() { kill(getpid(), SIGHUP) }
                    return nil  // timed out, or a signal interrupted the read
                }
            } else {
                input = status == KEY_CODE_YES ? .functionKey(functionKey(Int32(character))) : .character(UInt32(character))
                pending += decoder.feed(input)
                if decoder.inPaste { readPasteInBulk() }
            }
            if !pending.isEmpty, !decoder.awaitsMore, !decoder.inPaste { return pending.removeFirst() }
            wait = 0
        }
    }

    /// Reads the rest of a paste straight from the terminal, 64 KB at a time: ncurses reads a
    /// byte per call (and polls before each), which made a 1 MB paste cost two million system
    /// calls. ncurses holds nothing read ahead here: it has just matched the opening marker,
    /// whose last byte ends the match. The keys typed after the closing marker go back to
    /// ncurses (its queue holds about 130); a longer run is decoded here as plain characters.
    private func readPasteInBulk() {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while decoder.inPaste {
            var poller = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 500)
            if ready < 0, errno == EINTR { continue }  // the signal stays pending for the runtime
            guard ready > 0 else { pending += decoder.flushPaste(); return }
            let count = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR || errno == EAGAIN { continue }
            guard count > 0 else { pending += decoder.flushPaste(); return }
            let (keys, after) = decoder.feedPaste(bytes: buffer[..<count])
            pending += keys
            if !keys.isEmpty { giveBack(after) }
        }
    }

    private func stdinHungUp() -> Bool {
        var poller = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        return poll(&poller, 1, 0) > 0 && poller.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    private func giveBack(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        if bytes.count <= 128 {
            for byte in bytes.reversed() { ungetch(Int32(byte)) }
            return
        }
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            pending += decoder.feed(.character(scalar.value))
        }
    }

    private func functionKey(_ code: Int32) -> KeyDecoder.FunctionKey {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME, KEY_A1: return .home
        case KEY_END, KEY_C1: return .end
        case KEY_PPAGE, KEY_A3: return .pageUp
        case KEY_NPAGE, KEY_C3: return .pageDown
        case KEY_BTAB: return .backTab
        case KEY_DC: return .delete
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case KEY_RESIZE: return .resize
        case CursesTerminal.pasteStartCode: return .pasteStart
        case CursesTerminal.pasteEndCode: return .pasteEnd
        default:
            let f0 = shim_key_f(0)
            if code > f0 && code <= f0 + 24 { return .function(Int(code - f0)) }
            return .function(0)
        }
    }

    private var cursorVisible: Bool?

    public func draw(_ frame: Frame) {
        // The last frame as a local: read through the optional property, each cell compare
        // cost an exclusivity check and a copy (most of a keystroke's draw, callgrind).
        // A new size (or the first frame) starts from an erased screen: compared with a blank
        // frame, only what is not blank is written (half a first frame is blank).
        let old: Frame
        if let shown, shown.size == frame.size { old = shown } else { erase(); old = Frame(size: frame.size) }
        var run = Run()  // one set of buffers for the frame's runs (made and freed a run, they cost as much as the cells)
        for y in 0..<frame.size.height {
            // A keystroke changes a row or two: the others are skipped whole.
            if frame.row(y, equals: old) { continue }
            func changed(_ x: Int) -> Bool { frame[x, y] != old[x, y] }
            var x = 0
            while x < frame.size.width {
                guard changed(x) else { x += 1; continue }
                // A changed run: back up to the start of a wide character, then write on
                // until the cells agree again.
                var start = x
                while start > 0, frame[start, y].isContinuation { start -= 1 }
                var end = x
                while end < frame.size.width, changed(end) || frame[end, y].isContinuation { end += 1 }
                write(frame, row: y, from: start, to: end, using: &run)
                x = end
            }
        }
        // curs_set writes and flushes at once: call it only when the visibility changes, so a
        // keystroke's update leaves in one write at refresh.
        let visible = frame.cursor.map { $0.x < frame.size.width && $0.y < frame.size.height } ?? false
        if visible, let cursor = frame.cursor { move(Int32(cursor.y), Int32(cursor.x)) }
        if visible != cursorVisible {
            curs_set(visible ? 1 : 0)
            cursorVisible = visible
        }
        refresh()
        shown = frame
    }

    private func write(_ frame: Frame, row y: Int, from start: Int, to end: Int, using run: inout Run) {
        // Wide characters straight into the window, a cell each: addstr decoded every byte of the
        // run as a multibyte character first (two thirds of the first frame's draw, callgrind).
        run.text.removeAll(keepingCapacity: true)
        run.counts.removeAll(keepingCapacity: true)
        run.attributes.removeAll(keepingCapacity: true)
        var current = (style: Style.plain, bits: Int32(0))
        for x in start..<end {
            let cell = frame[x, y]
            if cell.isContinuation { continue }
            run.counts.append(UInt8(cell.appendScalars(to: &run.text)))
            if cell.style != current.style { current = (cell.style, attributes(cell.style)) }
            run.attributes.append(current.bits)
        }
        shim_put_cells(Int32(y), Int32(start), run.text, run.counts, run.attributes, Int32(run.counts.count))
    }

    /// A run of cells as `shim_put_cells` takes them.
    private struct Run {
        var text: [UInt32] = []
        var counts: [UInt8] = []
        var attributes: [Int32] = []
    }

    private func attributes(_ style: Style) -> Int32 {
        var attributes: Int32 = 0
        if style.bold { attributes |= shim_attr_bold() }
        if style.reverse { attributes |= shim_attr_reverse() }
        if style.underline { attributes |= shim_attr_underline() }
        if useColor {
            switch style.role {
            case .normal: break
            case .accent: attributes |= shim_color_pair(1)
            case .error: attributes |= shim_color_pair(2)
            case .warning: attributes |= shim_color_pair(3)
            case .ok: attributes |= shim_color_pair(4)
            case .muted: attributes |= shim_color_pair(5)
            }
        } else if style.role == .error || style.role == .warning {
            attributes |= shim_attr_bold()
        }
        return attributes
    }

    /// Ends curses and restores the modes saved at start. Safe to call twice.
    public func restore() {
        guard active else { return }
        active = false
        writeRaw("\u{1B}[?2004l")
        endwin()
        shim_restore_terminal_modes()
    }

    private func writeRaw(_ sequence: String) {
        refresh()
        _ = sequence.utf8CString.withUnsafeBufferPointer { Glibc.write(1, $0.baseAddress, $0.count - 1) }
    }
}
