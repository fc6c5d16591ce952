import WasmEngine

/// One definition produced by the text parser, in the order the text gives it.
///
/// Core modules and nested components are carried as bytes and items, since the decoded
/// AST (`ComponentDefinition.coreModule`) only points into a decoded input.
enum ComponentTextItem {
    /// Any definition except a core module or a nested component.
    case definition(ComponentDefinition)
    /// An embedded core module's binary (from WasmEngine's core text encoder).
    case coreModule([UInt8])
    /// A nested component's definitions.
    case component([ComponentTextItem])
    /// A nested component given as a binary (`(component binary ...)`).
    case componentBytes([UInt8])
}

/// Writes parsed component definitions in the component binary format (`Binary.md`).
///
/// Consecutive definitions of one section kind share a section, so the binary keeps the
/// text's definition order exactly (which is what index spaces depend on).
struct ComponentBinaryWriter {
    fileprivate(set) var bytes: [UInt8] = []

    /// The preamble: magic, version 0x0d, layer 1.
    static let preamble: [UInt8] = [0x00, 0x61, 0x73, 0x6D, 0x0D, 0x00, 0x01, 0x00]

    /// Encodes a whole component.
    static func encode(_ items: [ComponentTextItem]) -> [UInt8] {
        var writer = ComponentBinaryWriter()
        writer.bytes = preamble
        var pendingID: UInt8?
        var pending: [[UInt8]] = []
        func flush(_ writer: inout ComponentBinaryWriter) {
            guard let id = pendingID else { return }
            var content = ComponentBinaryWriter()
            content.unsigned(UInt32(pending.count))
            pending.forEach { content.bytes += $0 }
            writer.section(id, content.bytes)
            pendingID = nil
            pending = []
        }
        for item in items {
            switch item {
            case .coreModule(let module):
                flush(&writer)
                writer.section(1, module)
            case .component(let nested):
                flush(&writer)
                writer.section(4, encode(nested))
            case .componentBytes(let nested):
                flush(&writer)
                writer.section(4, nested)
            case .definition(let definition):
                var element = ComponentBinaryWriter()
                guard let id = element.definition(definition) else {
                    flush(&writer)
                    writer.bytes += element.bytes
                    continue
                }
                if pendingID != id { flush(&writer) }
                pendingID = id
                pending.append(element.bytes)
            }
        }
        flush(&writer)
        return writer.bytes
    }

    // MARK: - Primitives

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func unsigned(_ value: UInt32) { LEB128.appendUnsigned(UInt64(value), to: &bytes) }

    /// A signed LEB128 number (the `s33` of type indices in `valtype`).
    mutating func signed(_ value: Int64) { LEB128.appendSigned(value, to: &bytes) }

    mutating func name(_ text: String) {
        let utf8 = Array(text.utf8)
        unsigned(UInt32(utf8.count))
        bytes += utf8
    }

    mutating func vector<T>(_ elements: [T], _ body: (inout ComponentBinaryWriter, T) -> Void) {
        unsigned(UInt32(elements.count))
        for element in elements { body(&self, element) }
    }

    mutating func section(_ id: UInt8, _ content: [UInt8]) {
        byte(id)
        unsigned(UInt32(content.count))
        bytes += content
    }

    // MARK: - Definitions

    /// Writes one element of a vector section and returns the section id; for the
    /// single-element sections (custom, start) writes the whole section and returns nil.
    mutating func definition(_ definition: ComponentDefinition) -> UInt8? {
        switch definition {
        case .custom(let custom):
            var content = ComponentBinaryWriter()
            content.name(custom.name)
            content.bytes += custom.payload
            section(0, content.bytes)
            return nil
        case .coreModule(let module):
            // Not produced by the parser (modules travel as `.coreModule` items).
            section(1, [])
            _ = module
            return nil
        case .coreInstance(let instance): coreInstance(instance); return 2
        case .coreType(let type): coreType(type); return 3
        case .component:
            return nil
        case .instance(let instance): self.instance(instance); return 5
        case .alias(let alias): self.alias(alias); return 6
        case .type(let type): typeDefinition(type); return 7
        case .canonical(let canonical): self.canonical(canonical); return 8
        case .start(let start):
            var content = ComponentBinaryWriter()
            content.unsigned(start.function)
            content.vector(start.arguments) { $0.unsigned($1) }
            content.unsigned(start.resultCount)
            section(9, content.bytes)
            return nil
        case .import(let entry):
            externName(entry.name)
            externDescriptor(entry.type)
            return 10
        case .export(let entry):
            externName(entry.name)
            sortIndex(entry.target)
            if let type = entry.ascribedType {
                byte(0x01)
                externDescriptor(type)
            } else {
                byte(0x00)
            }
            return 11
        case .value(let value):
            valueType(value.type)
            unsigned(UInt32(value.encodedValue.count))
            bytes += value.encodedValue
            return 12
        }
    }

    mutating func coreInstance(_ instance: CoreInstance) {
        switch instance {
        case .instantiate(let module, let arguments):
            byte(0x00)
            unsigned(module)
            vector(arguments) { w, argument in
                w.name(argument.name)
                w.byte(CoreSort.instance.rawValue)
                w.unsigned(argument.instance)
            }
        case .fromExports(let exports):
            byte(0x01)
            vector(exports) { w, export in
                w.name(export.name)
                w.byte(export.target.sort.rawValue)
                w.unsigned(export.target.index)
            }
        }
    }

    mutating func instance(_ instance: ComponentInstanceDefinition) {
        switch instance {
        case .instantiate(let component, let arguments):
            byte(0x00)
            unsigned(component)
            vector(arguments) { w, argument in
                w.name(argument.name)
                w.sortIndex(argument.target)
            }
        case .fromExports(let exports):
            byte(0x01)
            vector(exports) { w, export in
                w.externName(export.name)
                w.sortIndex(export.target)
            }
        }
    }

    mutating func sort(_ sort: ComponentSort) {
        switch sort {
        case .core(let core): byte(0x00); byte(core.rawValue)
        case .function: byte(0x01)
        case .value: byte(0x02)
        case .type: byte(0x03)
        case .component: byte(0x04)
        case .instance: byte(0x05)
        }
    }

    mutating func sortIndex(_ index: ComponentSortIndex) {
        sort(index.sort)
        unsigned(index.index)
    }

    mutating func alias(_ alias: Alias) {
        sort(alias.sort)
        switch alias.target {
        case .export(let instance, let name):
            byte(0x00); unsigned(instance); self.name(name)
        case .coreExport(let instance, let name):
            byte(0x01); unsigned(instance); self.name(name)
        case .outer(let count, let index):
            byte(0x02); unsigned(count); unsigned(index)
        }
    }

    mutating func externName(_ name: ExternName) {
        byte(name.encoding.rawValue)
        self.name(name.name)
        guard name.encoding == .withAttributes else { return }
        vector(name.attributes) { w, attribute in
            switch attribute {
            case .implements(let text): w.byte(0x00); w.name(text)
            case .versionSuffix(let text): w.byte(0x01); w.name(text)
            case .externalID(let text): w.byte(0x02); w.name(text)
            }
        }
    }

    mutating func externDescriptor(_ descriptor: ExternDescriptor) {
        switch descriptor {
        case .coreModule(let index): byte(0x00); byte(0x11); unsigned(index)
        case .function(let index): byte(0x01); unsigned(index)
        case .value(.equal(let index)): byte(0x02); byte(0x00); unsigned(index)
        case .value(.type(let type)): byte(0x02); byte(0x01); valueType(type)
        case .type(.equal(let index)): byte(0x03); byte(0x00); unsigned(index)
        case .type(.subResource): byte(0x03); byte(0x01)
        case .component(let index): byte(0x04); unsigned(index)
        case .instance(let index): byte(0x05); unsigned(index)
        }
    }
}
