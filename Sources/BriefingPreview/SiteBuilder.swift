import BriefingKit
import Foundation

/// Runs full builds off the concurrency pool: a build is synchronous file and CPU work.
struct SiteBuilder: Sendable {
    let options: BuildOptions

    struct Outcome: Sendable {
        var result: Result<BuildReport, BuildFailure>
        var seconds: Double

        var failure: BuildFailure? {
            if case .failure(let failure) = result { return failure }
            return nil
        }

        func event(trigger: [String]?) -> PreviewEvent {
            switch result {
            case .success(let report): .built(report, seconds: seconds, trigger: trigger)
            case .failure(let failure): .failed(failure, trigger: trigger)
            }
        }
    }

    func build() async -> Outcome {
        let options = self.options
        return await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                let started = DispatchTime.now()
                let result: Result<BuildReport, BuildFailure>
                do throws(BuildFailure) {
                    result = .success(try Build.run(options))
                } catch {
                    result = .failure(error)
                }
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
                continuation.resume(returning: Outcome(result: result, seconds: seconds))
            }
        }
    }
}

/// The outcome of the latest build, read by every request.
actor BuildState {
    /// Counts builds; a page that saw another number is out of date.
    private(set) var generation = 0
    /// The latest build's findings when it failed; nil when it succeeded.
    private(set) var failure: BuildFailure?

    /// - Returns: the new generation.
    @discardableResult
    func record(_ failure: BuildFailure?) -> Int {
        generation += 1
        self.failure = failure
        return generation
    }

    func snapshot() -> (generation: Int, failure: BuildFailure?) {
        (generation, failure)
    }
}
