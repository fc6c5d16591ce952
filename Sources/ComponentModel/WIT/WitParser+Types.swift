/// Type expressions: `u32`, `list<T>`, `result<_, E>`, `borrow<R>`, names, ...
extension WitParser {
    mutating func typeExpr() throws -> WitAST.TypeExpr {
        let location = token.location
        depth += 1
        defer { depth -= 1 }
        if depth > WitParser.maxDepth {
            throw error("type is nested more than \(WitParser.maxDepth) levels deep")
        }
        func make(_ kind: WitAST.TypeExpr.Kind) -> WitAST.TypeExpr { WitAST.TypeExpr(kind: kind, location: location) }
        switch token.kind {
        case let .identifier(name, _):
            try advance()
            return make(.named(WitAST.Ident(name: name, location: location)))
        case let .keyword(k):
            if let primitive = WitParser.primitives[k] {
                try advance()
                return make(.primitive(primitive))
            }
            try advance()
            switch k {
            case .list:
                try expectSymbol("<", "after 'list'")
                let element = try typeExpr()
                if try eatSymbol(",") {
                    let sizeLocation = token.location
                    guard case let .integer(digits) = token.kind else {
                        throw error("expected the fixed length of the list, found \(token.display)")
                    }
                    guard let n = UInt32(digits), n > 0, digits.first != "0" else {
                        throw error("fixed list length must be between 1 and \(UInt32.max) without leading zeros", at: sizeLocation)
                    }
                    try advance()
                    try expectSymbol(">", "to close 'list<'")
                    return make(.fixedList(element, n))
                }
                try expectSymbol(">", "to close 'list<'")
                return make(.list(element))
            case .option:
                try expectSymbol("<", "after 'option'")
                let inner = try typeExpr()
                try expectSymbol(">", "to close 'option<'")
                return make(.option(inner))
            case .result:
                guard try eatSymbol("<") else { return make(.result(nil, nil)) }
                var ok: WitAST.TypeExpr?
                if try eatSymbol("_") {
                    try expectSymbol(",", "after '_' in 'result<_, E>'")
                } else {
                    ok = try typeExpr()
                    if !(try eatSymbol(",")) {
                        try expectSymbol(">", "to close 'result<'")
                        return make(.result(ok, nil))
                    }
                }
                let err = try typeExpr()
                try expectSymbol(">", "to close 'result<'")
                return make(.result(ok, err))
            case .tuple:
                try expectSymbol("<", "after 'tuple'")
                var elements: [WitAST.TypeExpr] = []
                repeat {
                    if isSymbol(">") && !elements.isEmpty { break }
                    elements.append(try typeExpr())
                } while try eatSymbol(",")
                try expectSymbol(">", "to close 'tuple<'")
                return make(.tuple(elements))
            case .borrow:
                try expectSymbol("<", "after 'borrow'")
                let resource = try ident("a resource name")
                try expectSymbol(">", "to close 'borrow<'")
                return make(.borrow(resource))
            case .own:
                throw error("'own<T>' is not WIT syntax; write the resource name alone for an owned handle", at: location)
            case .future, .stream:
                throw error("'\(k.rawValue)' types (async streams and futures) are not supported", at: location)
            case .map:
                throw error("'map' types are not supported; use list<tuple<K, V>>", at: location)
            default:
                throw error("expected a type, found keyword '\(k.rawValue)'", at: location)
            }
        default:
            throw error("expected a type, found \(token.display)")
        }
    }

    static let primitives: [WitKeyword: WitType] = [
        .bool: .bool, .u8: .u8, .u16: .u16, .u32: .u32, .u64: .u64,
        .s8: .s8, .s16: .s16, .s32: .s32, .s64: .s64, .f32: .f32, .f64: .f64,
        .char: .char, .string: .string,
    ]
}
