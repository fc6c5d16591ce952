/// One message of `theater run`: a `--send` or a `--request`.
enum OrderedMessage: Equatable {
    case send(String)
    case request(String)
}

/// The `--send` and `--request` messages of `theater run`, read from the command line in
/// the order they stand (ArgumentParser keeps each option's values in order, but not their
/// interleaving).
///
/// They are also taken out of the arguments before ArgumentParser sees them: it parses
/// repeated options in quadratic time (every option it consumes shifts the rest of the
/// argument list), so 20,000 `--send`s took many minutes before the actor even started.
enum RunMessageArguments {
    /// The options of `theater run` that take a value other than a message, whose value
    /// must not be mistaken for `--send` or `--request`.
    static let otherValueOptions: Set<String> = ["--data-dir"]

    /// Splits `arguments` (without the program name) into the messages of `theater run`, in
    /// order, and the remaining arguments for ArgumentParser. Arguments of any other
    /// subcommand, and everything after `--`, are left as they are. A `--send` or
    /// `--request` without a value stays in the rest, so ArgumentParser reports it.
    static func split(_ arguments: [String]) -> (messages: [OrderedMessage], rest: [String]) {
        guard arguments.first == "run" else { return ([], arguments) }
        var messages: [OrderedMessage] = []
        var rest = ["run"]
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                rest.append(contentsOf: arguments[index...])
                break
            }
            if let text = argument.value(after: "--send=") {
                messages.append(.send(text))
            } else if let text = argument.value(after: "--request=") {
                messages.append(.request(text))
            } else if (argument == "--send" || argument == "--request"), index + 1 < arguments.count {
                let text = arguments[index + 1]
                messages.append(argument == "--send" ? .send(text) : .request(text))
                index += 1
            } else if otherValueOptions.contains(argument), index + 1 < arguments.count {
                rest.append(contentsOf: arguments[index...(index + 1)])
                index += 1
            } else {
                rest.append(argument)
            }
            index += 1
        }
        return (messages, rest)
    }
}

private extension String {
    /// The text after `prefix` when the string starts with it.
    func value(after prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }
}
