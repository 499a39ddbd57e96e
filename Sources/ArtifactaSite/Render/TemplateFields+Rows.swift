/// The rows and cells that large pages hold thousands of (runs table, Tables, Sweeps
/// rankings, artifact lists), listed field by field (see ``TemplateFields``).

extension ProjectPage.Cell: TemplateFields {
    var templateFields: KeyValuePairs<String, TemplateValue?> { ["text": .text(text), "sortValue": .text(sortValue), "cssClass": .text(cssClass)] }
}

extension ProjectPage.Row: TemplateFields {
    var templateFields: KeyValuePairs<String, TemplateValue?> {
        [
            "id": .text(id), "name": .text(name), "status": .text(status), "colorClass": .text(colorClass), "href": .text(href),
            "started": .text(started), "startedValue": .text(startedValue), "duration": .text(duration),
            "durationValue": .text(durationValue), "config": config.templateList, "metrics": metrics.templateList,
        ]
    }
}

extension TablesPage.AggregateCell: TemplateFields {
    var templateFields: KeyValuePairs<String, TemplateValue?> {
        ["final": .text(final), "min": .text(min), "max": .text(max), "finalValue": .text(finalValue)]
    }
}

extension TablesPage.AggregateRow: TemplateFields {
    var templateFields: KeyValuePairs<String, TemplateValue?> {
        ["id": .text(id), "name": .text(name), "colorClass": .text(colorClass), "href": .text(href), "cells": cells.templateList]
    }
}

extension TablesPage.TableRow: TemplateFields {
    var templateFields: KeyValuePairs<String, TemplateValue?> { ["cells": cells.templateList] }
}

extension SweepsPage.Cell: TemplateFields {
    var templateFields: KeyValuePairs<String, TemplateValue?> { ["text": .text(text), "sortValue": .text(sortValue), "cssClass": .text(cssClass)] }
}

extension SweepsPage.RankedRun: TemplateFields {
    var templateFields: KeyValuePairs<String, TemplateValue?> {
        [
            "rank": .text(String(rank)), "id": .text(id), "name": .text(name), "href": .text(href), "colorClass": .text(colorClass),
            "cells": cells.templateList, "metric": .text(metric), "metricValue": .text(metricValue),
        ]
    }
}

extension ArtifactPages.ArtifactRow: TemplateFields {
    var templateFields: KeyValuePairs<String, TemplateValue?> {
        [
            "name": .text(name), "href": .text(href), "role": .text(role), "kind": .text(kind), "fileCount": .text(String(fileCount)),
            "size": .text(size), "hash": .text(hash), "shortHash": .text(shortHash),
        ]
    }
}

extension ArtifactPages.RunArtifacts: TemplateFields {
    var templateFields: KeyValuePairs<String, TemplateValue?> {
        ["id": .text(id), "name": .text(name), "href": .text(href), "colorClass": .text(colorClass), "artifacts": artifacts.templateList]
    }
}
