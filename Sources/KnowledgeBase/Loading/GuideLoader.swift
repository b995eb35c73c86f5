import Platform

/// Loads a whole knowledge base: lists the files, then reads and parses them in parallel
/// across cores (files are independent), keeping the order of the sorted file list.
public struct GuideLoader: Sendable {
    public var parser: GuideParser

    public init(parser: GuideParser = GuideParser()) {
        self.parser = parser
    }

    public func load(root: String) -> KnowledgeBase {
        let root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        let listing = GuideFiles.list(root: root)
        let paths = listing.paths
        let results = parseAll(root: root, paths: paths)
        var guides: [Guide] = []
        guides.reserveCapacity(paths.count)
        var problems = listing.problems
        for result in results {
            switch result {
            case .success(let (guide, found)):
                guides.append(guide)
                problems.append(contentsOf: found)
            case .failure(let problem):
                problems.append(problem)
            }
        }
        return KnowledgeBase(root: root, guides: guides, problems: problems)
    }

    private enum Outcome: Sendable {
        case success((Guide, [LoadProblem]))
        case failure(LoadProblem)
    }

    private func parseAll(root: String, paths: [String]) -> [Outcome] {
        let parser = self.parser
        let work: @Sendable (String) -> Outcome = { path in
            do {
                let bytes = try GuideFiles.read(root + "/" + path)
                return .success(try parser.parse(path: path, bytes: bytes))
            } catch {
                var problem = error as! LoadProblem
                problem.path = path
                return .failure(problem)
            }
        }
        if paths.count < 8 { return paths.map(work) }
        // Chunks rather than single files: fewer hand-outs between the threads.
        return Parallel.map(paths.count, chunk: 32) { work(paths[$0]) }
    }
}
