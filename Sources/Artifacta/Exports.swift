// `import Artifacta` gives the whole logging vocabulary: the primitives and model of
// ArtifactaCore, and the store's location and errors.
@_exported import ArtifactaCore
@_exported import ArtifactaStore
