/// The names under which actors import Theater's host interfaces and export their own.
///
/// Upstream Theater called its WIT package `ntwk:theater` and later renamed it
/// `theater:simple`; actors built for either must run unchanged, so every host interface is
/// defined under both names and exports are looked up under both (with or without a
/// version suffix such as `@0.1.0`).
public enum TheaterPackage {
    /// The package names actors may use, the project's own first.
    public static let names = ["ntwk:theater", "theater:simple"]

    /// The interfaces that hold only type definitions: importing them grants no capability.
    public static let typeOnlyInterfaces: Set<String> = ["types", "http-types", "websocket-types"]

    /// `ntwk:theater/<interface>` and `theater:simple/<interface>`.
    public static func qualifiedNames(of interface: String) -> [String] {
        names.map { "\($0)/\(interface)" }
    }

    /// The interface part of `name` (`runtime` for `theater:simple/runtime@0.1.0`) when it
    /// names an interface of either Theater package, else nil.
    public static func interface(in name: String) -> String? {
        let unversioned = name.split(separator: "@", maxSplits: 1).first.map(String.init) ?? name
        for package in names where unversioned.hasPrefix(package + "/") {
            return String(unversioned.dropFirst(package.count + 1))
        }
        return nil
    }
}
