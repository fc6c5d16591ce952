import Testing
@testable import WasmEngine

@Suite struct NumericOperatorTests {
    @Test func namesRoundTripThroughLookup() {
        for op in NumericOperator.allCases {
            #expect(NumericOperator(name: op.name) == op)
        }
    }

    @Test func comparisonsProduceI32() {
        #expect(NumericOperator.f64Lt.signature.result == .i32)
        #expect(NumericOperator.i64Eqz.signature.parameters == [.i64])
    }
}
