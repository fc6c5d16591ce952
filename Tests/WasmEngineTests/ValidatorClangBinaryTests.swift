import Foundation
import Testing
@testable import WasmEngine

/// Validates real compiler output: `prog.c` below, built with
/// `clang --target=wasm32 -nostdlib -Wl,--no-entry -Wl,--export-all -Wl,--export-table -O2`
/// (loops, a `switch` lowered to `br_table`, function pointers through `call_indirect`,
/// i64 and float arithmetic, memory traffic).
///
/// ```c
/// typedef unsigned long size_t;
/// static char heap[65536];
/// static size_t top;
/// void *my_alloc(size_t n) { void *p = heap + top; top += (n + 7) & ~7ul; return p; }
/// void *memcpy(void *d, const void *s, size_t n) { char *a = d; const char *b = s; while (n--) *a++ = *b++; return d; }
/// void *memset(void *d, int c, size_t n) { char *a = d; while (n--) *a++ = (char)c; return d; }
/// typedef int (*op_t)(int, int);
/// static int add(int a, int b) { return a + b; }
/// static int sub(int a, int b) { return a - b; }
/// static int mul(int a, int b) { return a * b; }
/// static op_t ops[] = { add, sub, mul };
/// int apply(int which, int a, int b) { return ops[which % 3](a, b); }
/// int classify(int x) {
///   switch (x) { case 0: return 10; case 1: return 20; case 2: return 33; case 3: return 47; case 5: return 1; case 7: return 9; default: return -1; }
/// }
/// double poly(double x, int n) { double r = 0; for (int i = 0; i < n; i++) r = r * x + (double)i / 3.0; return r; }
/// long long fib64(int n) { long long a = 0, b = 1; while (n-- > 0) { long long t = a + b; a = b; b = t; } return a; }
/// float fmix(float a, float b) { return a > b ? a * 0.5f : (b < 0 ? -b : b); }
/// int sortsum(int *v, int n) {
///   for (int i = 1; i < n; i++) { int k = v[i], j = i - 1; while (j >= 0 && v[j] > k) { v[j + 1] = v[j]; j--; } v[j + 1] = k; }
///   int s = 0; for (int i = 0; i < n; i++) s += v[i] * i; return s;
/// }
/// struct pt { int x, y; double w; };
/// double centroid(struct pt *p, int n) { double sx = 0; for (int i = 0; i < n; i++) sx += p[i].x * p[i].w + p[i].y; return n ? sx / n : 0; }
/// int run(void) {
///   int *v = my_alloc(40); for (int i = 0; i < 10; i++) v[i] = (i * 7919) % 13;
///   struct pt ps[4]; memset(ps, 0, sizeof ps); ps[1].x = 3; ps[1].w = 2.5;
///   struct pt copy[4]; memcpy(copy, ps, sizeof ps);
///   return sortsum(v, 10) + apply(1, 5, 3) + classify(3) + (int)poly(1.5, 6) + (int)fib64(40) + (int)fmix(2, 3) + (int)centroid(copy, 4);
/// }
/// ```
@Suite struct ValidatorClangBinaryTests {
    static let programBase64 = [
        "AGFzbQEAAAABMQlgAn9/AX9gAABgAX8Bf2ADf39/AX9gAnx/AXxgAX8BfmACfX0BfWACf38BfGAAAX8DEA8BAgMDAwIEBQYABwgA",
        "AAAEBQFwAQQEBQMBAAMGSAt/AUHAiAgLfwBBgAgLfwBBtIgEC38AQcCIBAt/AEHAiAgLfwBBgAgLfwBBwIgIC38AQYCADAt/AEEA",
        "C38AQQELfwBBgIAECwe2AhgGbWVtb3J5AgARX193YXNtX2NhbGxfY3RvcnMAAAhteV9hbGxvYwABBm1lbWNweQACBm1lbXNldAAD",
        "BWFwcGx5AAQZX19pbmRpcmVjdF9mdW5jdGlvbl90YWJsZQEACGNsYXNzaWZ5AAUEcG9seQAGBWZpYjY0AAcEZm1peAAIB3NvcnRz",
        "dW0ACQhjZW50cm9pZAAKA3J1bgALDF9fZHNvX2hhbmRsZQMBCl9fZGF0YV9lbmQDAgtfX3N0YWNrX2xvdwMDDF9fc3RhY2tfaGln",
        "aAMEDV9fZ2xvYmFsX2Jhc2UDBQtfX2hlYXBfYmFzZQMGCl9faGVhcF9lbmQDBw1fX21lbW9yeV9iYXNlAwgMX190YWJsZV9iYXNl",
        "AwkVX193YXNtX2ZpcnN0X3BhZ2VfZW5kAwoJCQEAQQELAwwNDgqAEA8CAAsqAQF/QQBBACgCsIiEgAAiASAAQQdqQXhxajYCsIiE",
        "gAAgAUGwiICAAGoL8QEBA38CQCACRQ0AAkACQCACQQdxIgMNACAAIQQgAiEFDAELIAJBeHEhBSAAIQQDQCAEIAEtAAA6AAAgBEEB",
        "aiEEIAFBAWohASADQX9qIgMNAAsLIAJBCEkNAANAIAQgAS0AADoAACAEQQFqIAFBAWotAAA6AAAgBEECaiABQQJqLQAAOgAAIARB",
        "A2ogAUEDai0AADoAACAEQQRqIAFBBGotAAA6AAAgBEEFaiABQQVqLQAAOgAAIARBBmogAUEGai0AADoAACAEQQdqIAFBB2otAAA6",
        "AAAgBEEIaiEEIAFBCGohASAFQXhqIgUNAAsLIAALrwEBA38CQCACRQ0AIAAhAyACIQQCQCACQQdxIgVFDQAgAkF4cSEEIAAhAwNA",
        "IAMgAToAACADQQFqIQMgBUF/aiIFDQALCyACQQhJDQADQCADIAE6AAAgA0EHaiABOgAAIANBBmogAToAACADQQVqIAE6AAAgA0EE",
        "aiABOgAAIANBA2ogAToAACADQQJqIAE6AAAgA0EBaiABOgAAIANBCGohAyAEQXhqIgQNAAsLIAALIwAgASACIABBA29BAnRBgIiA",
        "gABqKAIAEYCAgIAAgICAgAALIgEBf0F/IQECQCAAQQdLDQAgAEECdCgCjIiAgAAhAQsgAQvVAQMBfwJ8AX8CQCABQQFODQBEAAAA",
        "AAAAAAAPCyABQQFxIQICQAJAIAFBAUcNAEQAAAAAAAAAACEDRAAAAAAAAAAAIQQMAQsgAUH+////B3EhBUEAIQFEAAAAAAAAAAAh",
        "A0QAAAAAAAAAACEEA0AgBCAAoiADRAAAAAAAAAhAo6AgAKIgAUEBarhEAAAAAAAACECjoCEEIANEAAAAAAAAAECgIQMgBSABQQJq",
        "IgFHDQALIAG4IQMLAkAgAkUNACAEIACiIANEAAAAAAAACECjoCEECyAEC6EBAgF/A34CQCAAQQFODQBCAA8LIABBB3EhAQJAAkAg",
        "AEEITw0AQgAhAkIBIQMMAQsgAEH4////B3EhAEIAIQJCASEDA0AgAyACfCICIAN8IgMgAnwiAiADfCIDIAJ8IgIgA3wiAyACfCIC",
        "IAN8IQMgAEF4aiIADQALCwJAIAFFDQAgAiEEA0AgAyICIAR8IQMgAiEEIAFBf2oiAQ0ACwsgAgseACAAQwAAAD+UIAGMIAEgAUMA",
        "AAAAXRsgACABXhsL8gIBB38CQCABQQJIDQAgACECQQIhA0EBIQQDQCAAIARBAnRqKAIAIQUgAiEGIAMhBwJAAkADQCAGKAIAIggg",
        "BUwNASAGQQRqIAg2AgAgBkF8aiEGIAdBf2oiB0EBSg0AC0EAIQYMAQsgB0F/aiEGCyAAIAZBAnRqIAU2AgAgAkEEaiECIANBAWoh",
        "AyAEQQFqIgQgAUcNAAsLAkAgAUEBTg0AQQAPCyABQQNxIQUCQAJAIAFBBE8NAEEAIQZBACEIDAELQQAhCEEAIAFB/P///wdxayEC",
        "QQMhBiAAIQcDQCAHQQxqKAIAIAZsIAdBCGooAgAgBkF/amwgB0EEaigCACAGQX5qbCAHKAIAIAZBfWpsIAhqampqIQggB0EQaiEH",
        "IAIgBkEEaiIGakEDRw0ACyAGQX1qIQYLAkAgBUUNACAAIAZBAnRqIQcDQCAHKAIAIAZsIAhqIQggB0EEaiEHIAZBAWohBiAFQX9q",
        "IgUNAAsLIAgL7AEDAX8BfAN/AkACQAJAAkACQCABQQFIDQAgAUEBcSECIAFBAUcNAUQAAAAAAAAAACEDQQAhBAwCC0QAAAAAAAAA",
        "ACEDIAENAgwDCyABQf7///8HcSEFRAAAAAAAAAAAIQNBACEEIAAhBgNAIAMgBigCALcgBkEIaisDAKIgBkEEaigCALegoCAGQRBq",
        "KAIAtyAGQRhqKwMAoiAGQRRqKAIAt6CgIQMgBkEgaiEGIAUgBEECaiIERw0ACwsgAkUNACADIAAgBEEEdGoiBigCALcgBisDCKIg",
        "BigCBLegoCEDCyADIAG3oyEDCyADC9EDAQJ/QQAoArCIhIAAIgBBADYCsIiAgAAgAEKMgICA0AA3AtCIgIAAIABCgYCAgCA3ArSI",
        "gIAAIABCiICAgKABNwLIiICAACAAQoSAgIDgADcCwIiAgAAgAEEDNgK8iICAAEEAIABBKGo2ArCIhIAAIABBsIiAgABqIQBBCSEB",
        "AkBBAA0AIABBDDYCJAJAIAAoAhwiAUEFSg0AQQghAQwBCyAAIAE2AiACQCAAKAIYIgFBBUoNAEEHIQEMAQsgACABNgIcAkAgACgC",
        "FCIBQQVKDQBBBiEBDAELIAAgATYCGAJAIAAoAhAiAUEFSg0AQQUhAQwBCyAAIAE2AhQCQCAAKAIMIgFBBUoNAEEEIQEMAQsgACAB",
        "NgIQAkAgACgCCCIBQQVKDQBBAyEBDAELIAAgATYCDAJAIAAoAgQiAUEFSg0AQQIhAQwBCyAAIAE2AggCQCAAKAIAIgFBBUoNAEEB",
        "IQEMAQsgACABNgIEQQAhAQsgACABQQJ0akEFNgIAIAAoAiRBCWwgACgCIEEDdCAAKAIcQQdsIAAoAhhBBmwgACgCFEEFbCAAKAIQ",
        "QQJ0IAAoAgxBA2wgACgCCEEBdCAAKAIEampqampqampBif7lMGoLBwAgASAAagsHACAAIAFrCwcAIAEgAGwLCzMBAEGACAssAQAA",
        "AAIAAAADAAAACgAAABQAAAAhAAAALwAAAP////8BAAAA/////wkAAAAArwEEbmFtZQANDHByb2ctTzIud2FzbQF5DwARX193YXNt",
        "X2NhbGxfY3RvcnMBCG15X2FsbG9jAgZtZW1jcHkDBm1lbXNldAQFYXBwbHkFCGNsYXNzaWZ5BgRwb2x5BwVmaWI2NAgEZm1peAkH",
        "c29ydHN1bQoIY2VudHJvaWQLA3J1bgwDYWRkDQNzdWIOA211bAcSAQAPX19zdGFja19wb2ludGVyCQoBAAcucm9kYXRhAH8JcHJv",
        "ZHVjZXJzAQxwcm9jZXNzZWQtYnkBBWNsYW5nXzIxLjAuMCAoaHR0cHM6Ly9naXRodWIuY29tL3N3aWZ0bGFuZy9sbHZtLXByb2pl",
        "Y3QuZ2l0IDExNjczZTY2NjBiMmQwYTVmOWY5OWIxYzdiNzczZjRjMmY2ZGYxYjApAJQBD3RhcmdldF9mZWF0dXJlcwgrC2J1bGst",
        "bWVtb3J5Kw9idWxrLW1lbW9yeS1vcHQrFmNhbGwtaW5kaXJlY3Qtb3ZlcmxvbmcrCm11bHRpdmFsdWUrD211dGFibGUtZ2xvYmFs",
        "cysTbm9udHJhcHBpbmctZnB0b2ludCsPcmVmZXJlbmNlLXR5cGVzKwhzaWduLWV4dA==",
    ].joined()

    @Test func clangOutputValidates() throws {
        let bytes = try #require(Data(base64Encoded: Self.programBase64))
        let module = try Module(decoding: [UInt8](bytes))
        let validated = try Validator.validate(module)
        #expect(validated.module.code.count == 15)
        #expect(module.code.reduce(0) { $0 + $1.instructions.count } > 500)
    }

    @Test func clangOutputWithABrokenOperandIsRejected() throws {
        let bytes = try #require(Data(base64Encoded: Self.programBase64))
        var module = try Module(decoding: [UInt8](bytes))
        // Turn the first `i32.add` of the program into `i64.add`: its i32 operands no longer fit.
        let (function, index) = try #require(module.code.indices.lazy.compactMap { function in
            module.code[function].instructions.firstIndex(of: .numeric(.i32Add)).map { (function, $0) }
        }.first)
        module.code[function].instructions[index] = .numeric(.i64Add)
        #expect(throws: ValidationError.self) { try Validator.validate(module) }
    }
}
