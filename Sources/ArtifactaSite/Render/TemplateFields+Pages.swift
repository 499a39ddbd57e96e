/// The parts every page holds (header, footer, chart cards) and the Sweeps pages' views,
/// listed field by field (see ``TemplateFields``): a rebuild renders a Sweeps page per
/// metric, and reflecting each of their views was a tenth of their templates' time.

extension PageContext: TemplateFields {
    var templateFields: KeyValuePairs<String, TemplateValue?> {
        [
            "csp": .text(csp), "title": .text(title), "root": .text(root), "kind": .text(kind), "projectKey": .text(projectKey),
            "project": project.map(TemplateValue.text), "projectRoot": .text(projectRoot), "tabs": tabs.templateList,
            "hasTabs": .bool(hasTabs),
        ]
    }
}

extension PageContext.Tab: TemplateFields {
    var templateFields: KeyValuePairs<String, TemplateValue?> { ["label": .text(label), "href": .text(href), "current": .bool(current)] }
}

extension SiteContext: TemplateFields {
    var templateFields: KeyValuePairs<String, TemplateValue?> { ["title": .text(title), "version": .text(version)] }
}

extension PlotsPage.Chart: TemplateFields {
    var templateFields: KeyValuePairs<String, TemplateValue?> {
        [
            "id": .text(id), "title": .text(title), "kind": .text(kind), "svg": .bytes(svg), "isSingleRun": .bool(isSingleRun),
            "runID": .text(runID), "runName": .text(runName), "colorClass": .text(colorClass),
        ]
    }
}

extension SweepsPage.Model: TemplateFields {
    var templateFields: KeyValuePairs<String, TemplateValue?> {
        [
            "page": .fields(of: page), "site": .fields(of: site), "chartCSS": .text(chartCSS), "sweeps": sweeps.templateList,
            "hasSweeps": .bool(hasSweeps),
        ]
    }
}

extension SweepsPage.SweepView: TemplateFields {
    var templateFields: KeyValuePairs<String, TemplateValue?> {
        [
            "title": .text(title), "anchor": .text(anchor), "runCount": .text(String(runCount)), "parameters": .text(parameters),
            "constants": .text(constants), "hasConstants": .bool(hasConstants), "metricLabel": .text(metricLabel), "goal": .text(goal),
            "metricGroups": metricGroups.templateList, "caveat": caveat.map(TemplateValue.text), "charts": charts.templateList,
            "parameterNames": .list(parameterNames.map(TemplateValue.text)), "ranked": ranked.templateList,
            "rankedMore": rankedMore.map(TemplateValue.text), "bestRun": bestRun.map(TemplateValue.text),
        ]
    }
}

extension SweepsPage.MetricGroup: TemplateFields {
    var templateFields: KeyValuePairs<String, TemplateValue?> { ["name": .text(name), "links": links.templateList] }
}

extension SweepsPage.Link: TemplateFields {
    var templateFields: KeyValuePairs<String, TemplateValue?> { ["label": .text(label), "href": .text(href), "current": .bool(current)] }
}
