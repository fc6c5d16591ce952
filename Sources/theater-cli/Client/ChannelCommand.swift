import ArgumentParser

/// `theater channel ...`: talk to an actor over a channel.
struct ChannelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "channel",
        abstract: "Open a channel to an actor and talk to it.",
        subcommands: [ChannelOpenCommand.self]
    )
}
