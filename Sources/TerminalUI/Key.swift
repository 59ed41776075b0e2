/// A key press (or paste, or resize) as the program sees it, whatever the terminal sent.
public enum Key: Equatable, Sendable {
    case character(Character)
    case enter, tab, backTab, escape, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)
    /// Ctrl with a letter (`.control("s")` for Ctrl-S).
    case control(Character)
    /// Alt (or Esc quickly followed by a key) with a character.
    case alt(Character)
    /// A bracketed paste: the whole text at once, newlines kept as "\n".
    case paste(String)
    case resize
}
