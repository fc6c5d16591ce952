/// "Did you mean …?" for misspelled keys and handler types.
enum SpellingSuggestion {
    /// The candidate closest to `word` when it is close enough to be a likely typo:
    /// an edit distance of at most a third of the word's length (at least one), ignoring
    /// case and treating `_` and `-` alike.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let normalizedWord = normalize(word)
        let limit = max(1, normalizedWord.count / 3)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(normalizedWord, normalize(candidate))
            if distance <= limit, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// `"; did you mean x?"`, or nothing when no candidate is close.
    static func didYouMean(_ word: String, among candidates: [String]) -> String {
        guard let suggestion = closest(to: word, among: candidates) else { return "" }
        return "; did you mean \(suggestion)?"
    }

    private static func normalize(_ word: String) -> [Character] {
        Array(word.lowercased().replacingOccurrences(of: "_", with: "-"))
    }

    /// Levenshtein distance; words here are short (keys, type names), and anything over
    /// 64 characters is not a typo of a known name, so long inputs are cut off early.
    private static func editDistance(_ lhs: [Character], _ rhs: [Character]) -> Int {
        if lhs.count > 64 || rhs.count > 64 { return Int.max }
        if lhs.isEmpty { return rhs.count }
        if rhs.isEmpty { return lhs.count }
        var previous = Array(0...rhs.count)
        var current = [Int](repeating: 0, count: rhs.count + 1)
        for i in 1...lhs.count {
            current[0] = i
            for j in 1...rhs.count {
                let substitution = previous[j - 1] + (lhs[i - 1] == rhs[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[rhs.count]
    }
}
