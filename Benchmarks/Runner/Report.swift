/// The result tables: time per engine with Theater's ratios to each peer, and Theater's
/// fuel-metering cost and instruction rate.
struct Report {
    let session: BenchmarkSession

    private var theater: String { "theater" }
    private var peers: [String] {
        session.engines.map(\.name).filter { $0 != "theater" && $0 != "theater+fuel" }
    }

    /// Seconds per run: median (min-max) per engine and theater / peer per peer.
    func timeTable() -> String {
        let engineNames = session.engines.map(\.name)
        var table = TextTable(headers: ["program", "iterations"] + engineNames + peers.map { "theater/\($0)" })
        var ratios: [String: [Double]] = [:]
        for program in session.programs {
            let timings = session.timings[program.name] ?? [:]
            var row = [program.name, String(program.iterations(scale: session.options.scale))]
            row += engineNames.map { Format.samples(timings[$0] ?? Samples()) }
            for peer in peers {
                let ratio = self.ratio(timings[theater], timings[peer])
                // The large module's call includes translating 6,000 functions, which wasmtime
                // does before the call: a load-time effect, kept out of the mean.
                if let ratio, program.name != Catalog.largeModuleName { ratios[peer, default: []].append(ratio) }
                row.append(Format.ratio(ratio))
            }
            table.add(row)
        }
        if !peers.isEmpty {
            table.addSeparator()
            table.add(["geometric mean", ""] + engineNames.map { _ in "" } + peers.map { Format.ratio(geometricMean(ratios[$0] ?? [])) })
        }
        var lines = ["Time per run (median of \(session.options.runs) interleaved runs, min-max in parentheses; lower is better)",
                     table.render()]
        lines += session.engines.map { "  " + $0.timingNote }
        if !peers.isEmpty {
            lines.append("  theater/peer > 1 means Theater is slower; the geometric mean leaves out '\(Catalog.largeModuleName)'"
                + " (its call includes lazy translation).")
        }
        return lines.joined(separator: "\n")
    }

    /// Fuel metering on vs off, and instructions per second (fuel consumed = instructions).
    func fuelTable() -> String {
        var table = TextTable(headers: ["program", "instructions", "fuel off", "fuel on", "metering cost", "Minstr/s (off)", "Minstr/s (on)"])
        var costs: [Double] = []
        for program in session.programs {
            let timings = session.timings[program.name] ?? [:]
            let off = timings["theater"] ?? Samples(), on = timings["theater+fuel"] ?? Samples()
            let instructions = session.fuelConsumed[program.name]
            let cost = ratio(on, off)
            if let cost { costs.append(cost) }
            func rate(_ samples: Samples) -> String {
                guard let instructions, !samples.isEmpty, samples.median > 0 else { return "-" }
                return Format.fixed(Double(instructions) / samples.median / 1e6, 1)
            }
            table.add([program.name, instructions.map(String.init) ?? "-", Format.samples(off), Format.samples(on),
                       Format.percent(cost.map { $0 - 1 }), rate(off), rate(on)])
        }
        table.addSeparator()
        table.add(["geometric mean", "", "", "", Format.percent(geometricMean(costs).map { $0 - 1 }), "", ""])
        return ["Theater: fuel metering off vs on, and instruction rate (instructions = fuel consumed by one metered run)",
                table.render()].joined(separator: "\n")
    }

    /// median(a) / median(b), when both were measured.
    private func ratio(_ a: Samples?, _ b: Samples?) -> Double? {
        guard let a, let b, !a.isEmpty, !b.isEmpty, b.median > 0 else { return nil }
        return a.median / b.median
    }
}
