/// Renders handler settings as compact JSON fragments for
/// `HandlerSpec.canonicalDescription`, the line recorded in an actor's chain.
///
/// The format is fixed (it is hashed into chains): strings JSON-quoted, integers in
/// decimal, booleans as `true`/`false`, lists as `[...]`, string maps as `{...}` with
/// sorted keys, no whitespace; a whole config is `{` sorted `"key":value` pairs `}`.
enum CanonicalText {
    static func string(_ text: String) -> String { ManifestNode.quoted(text) }

    static func integer<T: BinaryInteger>(_ number: T) -> String { String(number) }

    static func bool(_ flag: Bool) -> String { flag ? "true" : "false" }

    static func strings(_ list: [String]) -> String {
        "[" + list.map(string).joined(separator: ",") + "]"
    }

    static func stringMap(_ map: [String: String]) -> String {
        object(map.mapValues(string))
    }

    /// `{"a":1,"b":"x"}` from already rendered values, keys sorted.
    static func object(_ fields: [String: String]) -> String {
        "{" + fields.keys.sorted().map { "\(string($0)):\(fields[$0]!)" }.joined(separator: ",") + "}"
    }
}
