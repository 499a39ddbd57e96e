import ArtifactaCLI

ArtifactaCommand.main()
