import WasmEngine

/// Types, core types and canonical definitions in the binary format.
extension ComponentBinaryWriter {
    mutating func valueType(_ type: ComponentValueType) {
        switch type {
        case .primitive(let primitive): byte(primitive.rawValue)
        case .index(let index): signed(Int64(index))
        }
    }

    mutating func optional<T>(_ value: T?, _ body: (inout ComponentBinaryWriter, T) -> Void) {
        if let value {
            byte(0x01)
            body(&self, value)
        } else {
            byte(0x00)
        }
    }

    mutating func typeDefinition(_ type: ComponentTypeDefinition) {
        switch type {
        case .value(let defined): definedValueType(defined)
        case .function(let function):
            byte(function.isAsync ? 0x43 : 0x40)
            vector(function.parameters) { w, parameter in
                w.name(parameter.label)
                w.valueType(parameter.type)
            }
            if let result = function.result {
                byte(0x00)
                valueType(result)
            } else {
                byte(0x01); byte(0x00)
            }
        case .component(let declarations):
            byte(0x41)
            vector(declarations) { w, declaration in
                switch declaration {
                case .import(let name, let type):
                    w.byte(0x03)
                    w.externName(name)
                    w.externDescriptor(type)
                case .instance(let inner):
                    w.instanceDeclaration(inner)
                }
            }
        case .instance(let declarations):
            byte(0x42)
            vector(declarations) { w, declaration in w.instanceDeclaration(declaration) }
        case .resource(let resource):
            byte(0x3F)
            byte(resource.representation.rawValue)
            optional(resource.destructor) { $0.unsigned($1) }
        }
    }

    mutating func instanceDeclaration(_ declaration: InstanceTypeDeclaration) {
        switch declaration {
        case .coreType(let type): byte(0x00); coreType(type)
        case .type(let type): byte(0x01); typeDefinition(type)
        case .alias(let alias): byte(0x02); self.alias(alias)
        case .export(let name, let type):
            byte(0x04)
            externName(name)
            externDescriptor(type)
        }
    }

    mutating func definedValueType(_ type: DefinedValueType) {
        switch type {
        case .primitive(let primitive): byte(primitive.rawValue)
        case .record(let fields):
            byte(0x72)
            vector(fields) { w, field in w.name(field.label); w.valueType(field.type) }
        case .variant(let cases):
            byte(0x71)
            vector(cases) { w, variantCase in
                w.name(variantCase.label)
                w.optional(variantCase.payload) { $0.valueType($1) }
                w.byte(0x00)
            }
        case .list(let element): byte(0x70); valueType(element)
        case .fixedSizeList(let element, let length): byte(0x67); valueType(element); unsigned(length)
        case .tuple(let elements):
            byte(0x6F)
            vector(elements) { $0.valueType($1) }
        case .flags(let labels): byte(0x6E); vector(labels) { $0.name($1) }
        case .enum(let labels): byte(0x6D); vector(labels) { $0.name($1) }
        case .option(let payload): byte(0x6B); valueType(payload)
        case .result(let ok, let error):
            byte(0x6A)
            optional(ok) { $0.valueType($1) }
            optional(error) { $0.valueType($1) }
        case .own(let resource): byte(0x69); unsigned(resource)
        case .borrow(let resource): byte(0x68); unsigned(resource)
        case .stream(let element): byte(0x66); optional(element) { $0.valueType($1) }
        case .future(let payload): byte(0x65); optional(payload) { $0.valueType($1) }
        case .map(let key, let value): byte(0x63); valueType(key); valueType(value)
        }
    }

    // MARK: - Core types

    mutating func coreFunctionType(_ type: FunctionType) {
        byte(0x60)
        vector(type.parameters) { $0.byte($1.rawValue) }
        vector(type.results) { $0.byte($1.rawValue) }
    }

    mutating func coreSubtypeBody(_ subtype: CoreSubtype) {
        vector(subtype.supertypes) { $0.unsigned($1) }
        coreFunctionType(subtype.function)
    }

    mutating func coreType(_ type: CoreType) {
        switch type {
        case .function(let function): coreFunctionType(function)
        case .subtype(let subtype):
            if subtype.isFinal { byte(0x4F) } else { byte(0x00); byte(0x50) }
            coreSubtypeBody(subtype)
        case .recursionGroup(let subtypes):
            byte(0x4E)
            vector(subtypes) { w, subtype in
                w.byte(subtype.isFinal ? 0x4F : 0x50)
                w.coreSubtypeBody(subtype)
            }
        case .module(let declarations):
            byte(0x50)
            vector(declarations) { w, declaration in w.coreModuleDeclaration(declaration) }
        }
    }

    mutating func coreModuleDeclaration(_ declaration: CoreModuleDeclaration) {
        switch declaration {
        case .import(let module, let name, let type):
            byte(0x00); self.name(module); self.name(name); coreExternType(type)
        case .type(let type):
            byte(0x01); coreType(type)
        case .outerTypeAlias(let count, let index):
            byte(0x02); byte(0x10); byte(0x01); unsigned(count); unsigned(index)
        case .export(let name, let type):
            byte(0x03); self.name(name); coreExternType(type)
        }
    }

    mutating func limits(_ limits: Limits, shared: Bool = false) {
        byte((limits.max != nil ? 0x01 : 0x00) | (shared ? 0x02 : 0x00))
        unsigned(UInt32(truncatingIfNeeded: limits.min))
        if let max = limits.max { unsigned(UInt32(truncatingIfNeeded: max)) }
    }

    mutating func coreExternType(_ type: CoreExternType) {
        switch type {
        case .function(let index): byte(0x00); unsigned(index)
        case .table(let table): byte(0x01); byte(table.elementType.rawValue); limits(table.limits)
        case .memory(let memory): byte(0x02); limits(memory.limits, shared: memory.isShared)
        case .global(let global): byte(0x03); byte(global.valueType.rawValue); byte(global.isMutable ? 1 : 0)
        case .tag(let index): byte(0x04); byte(0x00); unsigned(index)
        }
    }

    // MARK: - Canonical definitions

    mutating func canonicalOptions(_ options: [CanonicalOption]) {
        vector(options) { w, option in
            switch option {
            case .stringEncoding(let encoding): w.byte(encoding.rawValue)
            case .memory(let index): w.byte(0x03); w.unsigned(index)
            case .realloc(let index): w.byte(0x04); w.unsigned(index)
            case .postReturn(let index): w.byte(0x05); w.unsigned(index)
            case .async: w.byte(0x06)
            case .callback(let index): w.byte(0x07); w.unsigned(index)
            }
        }
    }

    mutating func canonical(_ canonical: CanonicalFunction) {
        switch canonical {
        case .lift(let coreFunction, let options, let type):
            byte(0x00); byte(0x00); unsigned(coreFunction); canonicalOptions(options); unsigned(type)
        case .lower(let function, let options):
            byte(0x01); byte(0x00); unsigned(function); canonicalOptions(options)
        case .resourceNew(let resource): byte(0x02); unsigned(resource)
        case .resourceDrop(let resource): byte(0x03); unsigned(resource)
        case .resourceRep(let resource): byte(0x04); unsigned(resource)
        case .concurrency(let builtin): concurrencyBuiltin(builtin)
        }
    }
}
