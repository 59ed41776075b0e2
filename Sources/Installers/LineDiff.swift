/// A unified diff of two texts by lines (longest common subsequence), with three lines of
/// context, as `diff -u` prints it: what `--dry-run` shows before anything is changed.
public enum LineDiff {
    public static func unified(old: String, new: String, path: String, isNew: Bool = false, context: Int = 3) -> String {
        let a = lines(old), b = lines(new)
        // Trim what is the same at both ends; the table covers only the middle.
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let x = Array(a[prefix..<(a.count - suffix)]), y = Array(b[prefix..<(b.count - suffix)])
        var table = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in stride(from: x.count - 1, through: 0, by: -1) {
            for j in stride(from: y.count - 1, through: 0, by: -1) {
                table[i][j] = x[i] == y[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        // Every line of both texts in order: " " same, "-" removed, "+" added, with its old/new numbers.
        var script: [(mark: Character, text: String)] = a[..<prefix].map { (" ", $0) }
        var i = 0, j = 0
        while i < x.count || j < y.count {
            if i < x.count, j < y.count, x[i] == y[j] { script.append((" ", x[i])); i += 1; j += 1 }
            else if i < x.count, j == y.count || table[i + 1][j] >= table[i][j + 1] { script.append(("-", x[i])); i += 1 }
            else { script.append(("+", y[j])); j += 1 }
        }
        script += a[(a.count - suffix)...].map { (" ", $0) }

        var output = (isNew ? "--- /dev/null\n" : "--- \(path)\n") + "+++ \(path)\n"
        var index = 0
        while index < script.count {
            guard script[index].mark != " " else { index += 1; continue }
            // A hunk: from `context` lines before this change to `context` after the last change near it.
            let start = max(0, index - context)
            var end = index
            while end < script.count {
                if script[end].mark != " " { end += 1; continue }
                var run = end
                while run < script.count, script[run].mark == " " { run += 1 }
                if run < script.count, run - end <= 2 * context { end = run } else { break }
            }
            let stop = min(script.count, end + context)
            let oldStart = script[..<start].filter { $0.mark != "+" }.count
            let newStart = script[..<start].filter { $0.mark != "-" }.count
            let hunk = script[start..<stop]
            let oldCount = hunk.filter { $0.mark != "+" }.count, newCount = hunk.filter { $0.mark != "-" }.count
            output += "@@ -\(oldCount == 0 ? oldStart : oldStart + 1),\(oldCount) +\(newCount == 0 ? newStart : newStart + 1),\(newCount) @@\n"
            for line in hunk { output += "\(line.mark)\(line.text)\n" }
            index = stop
        }
        return output
    }

    static func lines(_ text: String) -> [String] {
        var result = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if result.last == "" { result.removeLast() }
        return result
    }
}
