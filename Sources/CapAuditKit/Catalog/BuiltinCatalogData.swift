extension BuiltinCatalog { static let files: [(name: String, text: String)] = [] }
