import Testing
@testable import WasmEngine

/// Compiling small text modules, checked against hand-assembled binary modules, and
/// rejecting malformed text with the suite's messages.
@Suite struct WatEncodingTests {
    static let header: [UInt8] = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00]

    func messageOf(_ text: String) -> String? {
        do {
            _ = try WAT.encodeModule(text)
            return nil
        } catch let error as TextError {
            return error.message
        } catch {
            return "\(error)"
        }
    }

    @Test func emptyModuleIsJustTheHeader() throws {
        #expect(try WAT.encodeModule("(module)") == Self.header)
        #expect(try WAT.encodeModule("(module $m)") == Self.header)
        #expect(try WAT.encodeModule("") == Self.header)
    }

    @Test func flatFunctionWithExport() throws {
        let bytes = try WAT.encodeModule("""
            (module (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add))
            """)
        #expect(bytes == Self.header + [
            0x01, 0x07, 0x01, 0x60, 0x02, 0x7F, 0x7F, 0x01, 0x7F,  // type
            0x03, 0x02, 0x01, 0x00,  // function
            0x07, 0x07, 0x01, 0x03, 0x61, 0x64, 0x64, 0x00, 0x00,  // export
            0x0A, 0x09, 0x01, 0x07, 0x00, 0x20, 0x00, 0x20, 0x01, 0x6A, 0x0B,  // code
        ])
    }

    @Test func foldedAndFlatFormsEncodeAlike() throws {
        let folded = try WAT.encodeModule("(func (result i32) (i32.add (i32.const 1) (i32.const -1)))")
        let flat = try WAT.encodeModule("(func (result i32) i32.const 1 i32.const -1 i32.add)")
        #expect(folded == flat)
        let foldedIf = try WAT.encodeModule("(func (param i32) (if (local.get 0) (then nop) (else unreachable)))")
        let flatIf = try WAT.encodeModule("(func (param i32) local.get 0 if $l nop else $l unreachable end $l)")
        #expect(foldedIf == flatIf)
    }

    @Test func namedLabelsResolveToDepths() throws {
        let bytes = try WAT.encodeModule("(module (func (block $b (loop $l (br $b)))))")
        #expect(bytes == Self.header + [
            0x01, 0x04, 0x01, 0x60, 0x00, 0x00,
            0x03, 0x02, 0x01, 0x00,
            0x0A, 0x0C, 0x01, 0x0A, 0x00, 0x02, 0x40, 0x03, 0x40, 0x0C, 0x01, 0x0B, 0x0B, 0x0B,
        ])
    }

    @Test func implicitTypesFollowExplicitOnesInOrderOfUse() throws {
        let bytes = try WAT.encodeModule("(module (func (param i32)) (type $v (func)) (func (type $v)) (func (param i32)))")
        #expect(bytes == Self.header + [
            0x01, 0x08, 0x02, 0x60, 0x00, 0x00, 0x60, 0x01, 0x7F, 0x00,
            0x03, 0x04, 0x03, 0x01, 0x00, 0x01,
            0x0A, 0x0A, 0x03, 0x02, 0x00, 0x0B, 0x02, 0x00, 0x0B, 0x02, 0x00, 0x0B,
        ])
    }

    @Test func multiValueBlockTypeBecomesTypeIndex() throws {
        let bytes = try WAT.encodeModule("(func (block (result i32 i32) i32.const 1 i32.const 2) drop drop)")
        // Type 0 is the function's () -> (); the block's () -> (i32 i32) is appended as type 1.
        #expect(bytes.starts(with: Self.header + [0x01, 0x09, 0x02, 0x60, 0x00, 0x00, 0x60, 0x00, 0x02, 0x7F, 0x7F]))
        #expect(Array(bytes.suffix(11)) == [0x00, 0x02, 0x01, 0x41, 0x01, 0x41, 0x02, 0x0B, 0x1A, 0x1A, 0x0B])
    }

    @Test func memoryDataAbbreviationAddsSegmentAndDataCount() throws {
        let bytes = try WAT.encodeModule(#"(module (memory (data "ab")))"#)
        #expect(bytes == Self.header + [
            0x05, 0x04, 0x01, 0x01, 0x01, 0x01,  // memory 1 1
            0x0C, 0x01, 0x01,  // data count
            0x0B, 0x08, 0x01, 0x00, 0x41, 0x00, 0x0B, 0x02, 0x61, 0x62,  // data
        ])
    }

    @Test func tableElemAbbreviationAndInlineImport() throws {
        let bytes = try WAT.encodeModule(#"(module (func $f (import "m" "f")) (table funcref (elem $f $f)))"#)
        #expect(bytes == Self.header + [
            0x01, 0x04, 0x01, 0x60, 0x00, 0x00,
            0x02, 0x07, 0x01, 0x01, 0x6D, 0x01, 0x66, 0x00, 0x00,  // import "m" "f" func 0
            0x04, 0x05, 0x01, 0x70, 0x01, 0x02, 0x02,  // table funcref 2 2
            0x09, 0x08, 0x01, 0x00, 0x41, 0x00, 0x0B, 0x02, 0x00, 0x00,  // elem
            0x00, 0x0B, 0x04, 0x6E, 0x61, 0x6D, 0x65, 0x01, 0x04, 0x01, 0x00, 0x01, 0x66,  // name section
        ])
    }

    @Test func memoryArgumentsAndConstants() throws {
        let bytes = try WAT.encodeModule("(memory 1) (func (i64.store32 offset=0x10 align=2 (i32.const 0) (i64.const -1)) (drop (f32.const -0x1p-1)))")
        let code: [UInt8] = [0x41, 0x00, 0x42, 0x7F, 0x3E, 0x01, 0x10, 0x43, 0x00, 0x00, 0x00, 0xBF, 0x1A, 0x0B]
        #expect(Array(bytes.suffix(code.count)) == code)
    }

    @Test func malformedTextIsRejectedWithSpecMessages() {
        #expect(messageOf("(func block $a end $b)") == "mismatching label")
        #expect(messageOf("(func br $nowhere)")?.hasPrefix("unknown label") == true)
        #expect(messageOf("(func $f) (func $f)")?.hasPrefix("duplicate func") == true)
        #expect(messageOf("(func (param $x i32) (local $x i32))")?.hasPrefix("duplicate local") == true)
        #expect(messageOf(#"(func) (import "m" "n" (func))"#) == "import after function")
        #expect(messageOf(#"(global i32 (i32.const 0)) (func (import "m" "n"))"#) == "import after global")
        #expect(messageOf("(func (call $g))")?.hasPrefix("unknown function") == true)
        #expect(messageOf("(func (i32.const 0x100000000) drop)") == "constant out of range")
        #expect(messageOf("(func (f32.const 1e39) drop)") == "constant out of range")
        #expect(messageOf("(func (drop (i32.const0)))")?.hasPrefix("unknown operator") == true)
        #expect(messageOf("(memory 1) (func (drop (i32.load align=3 (i32.const 0))))") == "alignment must be a power of two")
        #expect(messageOf("(type (func (param i32))) (func (type 0) (param i64))") == "inline function type")
        #expect(messageOf(#"(func (export "\ff"))"#) == "malformed UTF-8 encoding")
        #expect(messageOf("(func (result i32) (param i32) (i32.const 0))") != nil)
        #expect(messageOf("(start 0) (start 0) (func)") == "multiple start sections")
    }

    @Test func invalidButWellFormedModulesStillEncode() throws {
        _ = try WAT.encodeModule("(func (result i32) (i64.const 0))")
        _ = try WAT.encodeModule("(func (call 7))")
        _ = try WAT.encodeModule("(memory 0) (memory 0)")
        _ = try WAT.encodeModule("(memory 1) (func (drop (i32.load align=8 (i32.const 0))))")
    }

    @Test func binaryAndQuoteModuleForms() throws {
        #expect(try WAT.encodeModule(#"(module binary "\00asm" "\01\00\00\00")"#) == Self.header)
        #expect(try WAT.encodeModule(#"(module quote "(func" " $f)")"#) == WAT.encodeModule("(func $f)"))
    }
}
