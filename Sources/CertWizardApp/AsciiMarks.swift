import TerminalUI

/// `--ascii`: the wizard's own marks (pointers, arrows, ticks, bullets) drawn as ASCII, in one last
/// pass over the frame, so no screen can forget one. Text the applicant typed or reads in
/// Japanese is left as it is: only these marks are replaced.
enum AsciiMarks {
    static let replacements: [String: String] = [
        "▶": ">", "◀": "<", "‹": "<", "›": ">", "↑": "^", "↓": "v", "←": "<", "→": ">",
        "✓": "+", "✗": "x", "•": "*", "※": "*", "…": ".", "·": "-", "■": "#", "□": ".", "─": "-", "│": "|",
        "┌": "+", "┐": "+", "└": "+", "┘": "+", "⠋": "|", "⠙": "/", "⠹": "-", "⠸": "\\", "⠼": "|", "⠴": "/",
        "⠦": "-", "⠧": "\\", "⠇": "|", "⠏": "/",
    ]

    static func apply(to frame: inout Frame) {
        frame.mapCells { cell in
            if let ascii = replacements[cell.text] { cell.text = ascii }
        }
    }
}
