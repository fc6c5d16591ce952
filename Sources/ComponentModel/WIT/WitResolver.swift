import Foundation

/// Turns WIT files into resolved `WitPackage`s.
///
/// Loading follows the directory layout of WIT tooling:
/// ```
/// wit/            every *.wit here forms the root package
///   deps/
///     one.wit     a dependency package in one file (may hold nested `package x { }` blocks)
///     some-dir/   a dependency package split over the *.wit files of the folder
/// ```
/// Packages are resolved in dependency order (an error names a cycle), each by a
/// `WitPackageResolver`; the root package is returned with the others as `dependencies`.
public enum WitResolver {
    /// Parses and resolves the WIT package in `directory` together with its `deps/`.
    public static func resolve(directory: URL) throws -> WitPackage {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: directory.path, isDirectory: &isDir), isDir.boolValue else {
            throw WitError(file: directory.path, line: 0, column: 0, message: "not a directory; pass the folder that holds the package's .wit files")
        }
        let rootFiles = try readWitFiles(in: directory)
        if rootFiles.isEmpty {
            throw WitError(file: directory.path, line: 0, column: 0, message: "no .wit files found in the directory")
        }
        var deps: [[(String, String)]] = []
        let depsDir = directory.appendingPathComponent("deps")
        if fm.fileExists(atPath: depsDir.path, isDirectory: &isDir), isDir.boolValue {
            let entries = try listDirectory(depsDir)
            for entry in entries {
                var entryIsDir: ObjCBool = false
                _ = fm.fileExists(atPath: entry.path, isDirectory: &entryIsDir)
                if entryIsDir.boolValue {
                    let files = try readWitFiles(in: entry)
                    if !files.isEmpty { deps.append(files) }
                } else if entry.pathExtension == "wit" {
                    deps.append([try readFile(entry)])
                }
            }
        }
        return try resolve(files: rootFiles, dependencyFiles: deps, rootLabel: directory.path)
    }

    private static func listDirectory(_ url: URL) throws -> [URL] {
        do {
            return try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        } catch {
            throw WitError(file: url.path, line: 0, column: 0, message: "cannot list the directory: \(error.localizedDescription)")
        }
    }

    private static func readWitFiles(in directory: URL) throws -> [(String, String)] {
        try listDirectory(directory).filter { $0.pathExtension == "wit" }.compactMap { url in
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir)
            return isDir.boolValue ? nil : try readFile(url)
        }
    }

    private static func readFile(_ url: URL) throws -> (String, String) {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw WitError(file: url.path, line: 0, column: 0, message: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw WitError(file: url.path, line: 0, column: 0, message: "the file is not valid UTF-8")
        }
        return (url.path, text)
    }

    /// One package's source before resolution: its name and the items of each file.
    struct Unit {
        var name: WitPackageName
        var location: WitLocation
        var docs: [String]
        var files: [(fileName: String, items: WitAST.PackageItems)]
    }

    /// Resolves the root package made of `files` with dependency packages made of each
    /// group of `dependencyFiles`.
    static func resolve(files: [(String, String)], dependencyFiles: [[(String, String)]], rootLabel: String) throws -> WitPackage {
        var units: [Unit] = []
        guard let root = try collectUnits(group: files, label: rootLabel, isRoot: true, into: &units) else {
            throw WitError(file: rootLabel, line: 0, column: 0, message: "missing package declaration: start a file with 'package namespace:name;'")
        }
        for group in dependencyFiles {
            _ = try collectUnits(group: group, label: group.first?.0 ?? rootLabel, isRoot: false, into: &units)
        }
        var byName: [WitPackageName: Int] = [:]
        for (index, unit) in units.enumerated() {
            if let other = byName[unit.name] {
                throw WitError(unit.location, "package '\(unit.name)' is defined twice (also at \(units[other].location.file):\(units[other].location.line))")
            }
            byName[unit.name] = index
        }
        let order = try dependencyOrder(units)
        var resolved: [WitPackageName: WitPackage] = [:]
        for index in order {
            let package = try WitPackageResolver(unit: units[index], known: resolved, allNames: Array(byName.keys)).resolve()
            resolved[package.name] = package
        }
        var result = resolved[root]!
        result.dependencies = resolved.values.filter { $0.name != root }.sorted { $0.name.description < $1.name.description }
        return result
    }

    /// Parses a group of files that form one package (plus nested package blocks) and
    /// appends its units; returns the group's own package name, if it has one.
    private static func collectUnits(group: [(String, String)], label: String, isRoot: Bool, into units: inout [Unit]) throws -> WitPackageName? {
        var main: Unit?
        var orphan: (fileName: String, items: WitAST.PackageItems)?
        var mainFiles: [(String, WitAST.PackageItems)] = []
        for (fileName, source) in group {
            let file = try WitParser.parse(source: source, fileName: fileName)
            if let decl = file.package {
                if let existing = main, existing.name != decl.name {
                    throw WitError(decl.location, "package name '\(decl.name)' disagrees with '\(existing.name)' declared in \(existing.location.file); all files of a package must declare the same name")
                }
                if main == nil { main = Unit(name: decl.name, location: decl.location, docs: decl.docs, files: []) }
                if main!.docs.isEmpty { main!.docs = decl.docs }
            }
            let hasItems = !file.items.uses.isEmpty || !file.items.interfaces.isEmpty || !file.items.worlds.isEmpty
            if hasItems || file.package != nil { mainFiles.append((fileName, file.items)) }
            if hasItems && file.package == nil && orphan == nil { orphan = (fileName, file.items) }
            for nested in file.nested {
                units.append(Unit(name: nested.name, location: nested.location, docs: [], files: [(fileName, nested.items)]))
            }
        }
        guard var unit = main else {
            if let orphan {
                let first = orphan.items.interfaces.first?.name.location ?? orphan.items.worlds.first?.name.location
                    ?? orphan.items.uses.first?.path.location ?? .whole(orphan.fileName)
                throw WitError(first, "these items belong to no package: add 'package namespace:name;' at the top of one of the files")
            }
            return nil
        }
        unit.files = mainFiles.map { (fileName: $0.0, items: $0.1) }
        units.append(unit)
        return unit.name
    }

    /// Orders units so that every package comes after the packages it refers to.
    private static func dependencyOrder(_ units: [Unit]) throws -> [Int] {
        let names = units.map(\.name)
        var edges: [[(Int, WitLocation)]] = []
        for unit in units {
            var out: [(Int, WitLocation)] = []
            for path in WitPackageResolver.foreignPaths(in: unit) {
                guard case let .foreign(pkg, iface) = path else { continue }
                guard let target = WitPackageResolver.match(pkg, in: names) else {
                    throw WitError(iface.location, "package '\(pkg)' is not available; put it in the deps/ folder or in a 'package \(pkg) { ... }' block")
                }
                if names[target] != unit.name { out.append((target, iface.location)) }
            }
            edges.append(out)
        }
        var state = [Int](repeating: 0, count: units.count) // 0 new, 1 visiting, 2 done
        var order: [Int] = []
        func visit(_ i: Int) throws {
            state[i] = 1
            for (j, location) in edges[i] {
                if state[j] == 1 {
                    throw WitError(location, "packages '\(units[i].name)' and '\(units[j].name)' depend on each other; package dependencies must not form a cycle")
                }
                if state[j] == 0 { try visit(j) }
            }
            state[i] = 2
            order.append(i)
        }
        for i in units.indices where state[i] == 0 { try visit(i) }
        return order
    }
}
