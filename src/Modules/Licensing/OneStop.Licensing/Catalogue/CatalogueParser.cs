using OneStop.Licensing.Contracts;
using OneStop.Licensing.Guide;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OneStop.Licensing.Catalogue;

/// <summary>
/// Turns catalogue files into a <see cref="ParsedCatalogue"/>. Uses YamlDotNet's representation model rather
/// than object binding because every node keeps its start mark, which errors need for the line.
/// </summary>
internal sealed class CatalogueParser(List<CatalogueError> errors)
{
    public const string CatalogueFile = "catalogue.yaml";
    public const string LicencesFolder = "licences/";
    public const string BusinessTypesFolder = "business-types/";

    public ParsedCatalogue Parse(IEnumerable<CatalogueFile> files)
    {
        var parsed = new ParsedCatalogue();
        var sawCatalogue = false;
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            if (Root(file) is not { } root)
            {
                continue;
            }

            var reader = new YamlReader(file.Path, errors);
            if (file.Path == CatalogueFile)
            {
                sawCatalogue = true;
                ReadCatalogue(reader, root, parsed);
            }
            else if (file.Path.StartsWith(LicencesFolder, StringComparison.Ordinal))
            {
                ReadLicence(reader, root, parsed);
            }
            else if (file.Path.StartsWith(BusinessTypesFolder, StringComparison.Ordinal))
            {
                ReadBusinessType(reader, root, parsed);
            }
            else
            {
                errors.Add(new CatalogueError(new SourceLocation(file.Path, 1), $"Unexpected file; catalogue files are {CatalogueFile}, {LicencesFolder}*.yaml and {BusinessTypesFolder}*.yaml."));
            }
        }

        if (!sawCatalogue)
        {
            errors.Add(new CatalogueError(new SourceLocation(CatalogueFile, 1), "The catalogue file is missing."));
        }

        return parsed;
    }

    private YamlMappingNode? Root(CatalogueFile file)
    {
        var stream = new YamlStream();
        using var text = new StringReader(file.Text);
        var parser = new Parser(text);
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            errors.Add(new CatalogueError(new SourceLocation(file.Path, checked((int)e.Start.Line)), $"Not valid YAML: {e.Message}"));
            return null;
        }
        catch (InvalidOperationException e)
        {
            // Some scanner failures carry no mark; the last event read is the nearest place to look.
            var line = parser.Current is { } current ? checked((int)current.End.Line) : 1;
            errors.Add(new CatalogueError(new SourceLocation(file.Path, line), $"Not valid YAML: {e.Message}"));
            return null;
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(new CatalogueError(new SourceLocation(file.Path, 1), "A catalogue file holds one mapping."));
            return null;
        }

        return root;
    }

    private static void ReadCatalogue(YamlReader reader, YamlMappingNode root, ParsedCatalogue parsed)
    {
        reader.OnlyKeys(root, "version", "sources", "groups", "questions");
        parsed.Version = reader.String(root, "version");
        parsed.VersionAt = reader.At(root);
        if (reader.Mapping(reader.Child(root, "sources"), "sources") is { } sources)
        {
            foreach (var key in sources.Children.Keys)
            {
                if (reader.Scalar(key, "source tag") is { } tag)
                {
                    parsed.SourceTags.Add(new Reference(tag, reader.At(key)));
                }
            }
        }

        foreach (var node in reader.Sequence(root, "groups"))
        {
            if (reader.Mapping(node, "A group") is not { } map)
            {
                continue;
            }

            reader.OnlyKeys(map, "key", "name");
            if (reader.String(map, "key") is { } key && reader.Text(map, "name") is { } name)
            {
                parsed.Groups.Add((new QuestionGroup(key, name), reader.At(map)));
            }
        }

        foreach (var node in reader.Sequence(root, "questions"))
        {
            if (reader.Mapping(node, "A question") is { } map && ReadQuestion(reader, map) is { } question)
            {
                parsed.Questions.Add(question);
            }
        }
    }

    private static ParsedQuestion? ReadQuestion(YamlReader reader, YamlMappingNode map)
    {
        reader.OnlyKeys(map, "key", "type", "group", "text", "unit", "options");
        var key = reader.String(map, "key");
        var typeName = reader.String(map, "type");
        var group = reader.String(map, "group");
        var text = reader.Text(map, "text");
        var unit = reader.Text(map, "unit", required: false);
        QuestionType? type = typeName switch
        {
            "yesno" => QuestionType.YesNo,
            "number" => QuestionType.Number,
            "choice" => QuestionType.Choice,
            "multi" => QuestionType.Multi,
            null => null,
            _ => null,
        };
        if (typeName is not null && type is null)
        {
            reader.Error(map.Children[new YamlScalarNode("type")], $"Unknown question type '{typeName}'; use yesno, number, choice or multi.");
        }

        var options = new List<(QuestionOption, SourceLocation)>();
        foreach (var node in reader.Sequence(map, "options", required: type is QuestionType.Choice or QuestionType.Multi))
        {
            if (reader.Mapping(node, "An option") is { } option)
            {
                reader.OnlyKeys(option, "value", "label");
                if (reader.String(option, "value") is { } value && reader.Text(option, "label") is { } label)
                {
                    options.Add((new QuestionOption(value, label), reader.At(option)));
                }
            }
        }

        if (type is QuestionType.YesNo or QuestionType.Number && options.Count > 0)
        {
            reader.Error(map, $"Question '{key}' is {typeName}; only choice and multi questions have options.");
        }

        return key is null || type is null || group is null || text is null
            ? null
            : new ParsedQuestion(key, type.Value, new Reference(group, reader.At(map)), text, unit, options, reader.At(map));
    }

    private static void ReadBusinessType(YamlReader reader, YamlMappingNode root, ParsedCatalogue parsed)
    {
        reader.OnlyKeys(root, "code", "name", "source", "questions", "licences");
        var code = reader.String(root, "code");
        var name = reader.Text(root, "name");
        var sources = reader.Values(root, "source");
        var questions = reader.Values(root, "questions");
        var licences = reader.Values(root, "licences");
        if (code is not null && name is not null)
        {
            CheckFileName(reader, root, BusinessTypesFolder, code);
            parsed.BusinessTypes.Add(new ParsedBusinessType(code, name, sources, questions, licences, reader.At(root)));
        }
    }

    private static void CheckFileName(YamlReader reader, YamlMappingNode root, string folder, string code)
    {
        // One file per code keeps reviews and merges of agencies' changes independent of each other.
        if (reader.File != $"{folder}{code}.yaml")
        {
            reader.Error(root, $"The file of '{code}' must be named {folder}{code}.yaml.");
        }
    }

    private static void ReadLicence(YamlReader reader, YamlMappingNode root, ParsedCatalogue parsed)
    {
        reader.OnlyKeys(root, "code", "name", "agency", "law", "who", "fields", "documents", "fees", "sla", "online", "validity", "workflow", "workflowSource");
        var references = new LicenceReferences();
        var code = reader.String(root, "code");
        var name = reader.Text(root, "name");

        string? agencyCode = null;
        IReadOnlyList<string> agencySources = [];
        if (reader.Mapping(reader.Child(root, "agency"), "agency") is { } agency)
        {
            reader.OnlyKeys(agency, "code", "source");
            agencyCode = reader.String(agency, "code");
            if (agencyCode is not null)
            {
                references.Agencies.Add(new Reference(agencyCode, reader.At(agency)));
            }

            agencySources = Sources(reader, agency, references);
        }

        LocalizedText? law = null;
        IReadOnlyList<string> lawSources = [];
        if (reader.Mapping(reader.Child(root, "law"), "law") is { } lawMap)
        {
            reader.OnlyKeys(lawMap, "th", "en", "source");
            var th = reader.String(lawMap, "th");
            var en = reader.String(lawMap, "en");
            law = th is null || en is null ? null : new LocalizedText(th, en);
            lawSources = Sources(reader, lawMap, references);
        }

        var required = new List<LicenceRule>();
        var optional = new List<LicenceRule>();
        if (reader.Mapping(reader.Child(root, "who"), "who") is { } who)
        {
            reader.OnlyKeys(who, "required", "optional");
            required.AddRange(Rules(reader, who, "required", references));
            optional.AddRange(Rules(reader, who, "optional", references));
            if (required.Count + optional.Count == 0)
            {
                reader.Error(who, "'who' needs at least one required or optional rule.");
            }
        }

        var fields = Fields(reader, root, references);
        var documents = Documents(reader, root);
        var fees = Fees(reader, root, agencyCode, references);

        int? sla = null;
        IReadOnlyList<string> slaSources = [];
        if (reader.Mapping(reader.Child(root, "sla"), "sla") is { } slaMap)
        {
            reader.OnlyKeys(slaMap, "workingDays", "source");
            sla = (int?)reader.WholeNumber(slaMap, "workingDays");
            slaSources = Sources(reader, slaMap, references);
        }

        OnlineIncentive? online = null;
        IReadOnlyList<string> onlineSources = [];
        if (reader.Mapping(reader.Child(root, "online", required: false), "online") is { } onlineMap)
        {
            reader.OnlyKeys(onlineMap, "slaDays", "feeDiscountPercent", "source");
            var days = reader.WholeNumber(onlineMap, "slaDays");
            var discount = reader.WholeNumber(onlineMap, "feeDiscountPercent");
            onlineSources = Sources(reader, onlineMap, references);
            if (discount > 100)
            {
                reader.Error(onlineMap, "'feeDiscountPercent' must be between 0 and 100.");
            }

            if (days is not null && sla is not null && days > sla)
            {
                reader.Error(onlineMap, $"The online time ({days} days) must not be longer than the counter time ({sla} days).");
            }

            if (days is not null && discount is not null)
            {
                online = new OnlineIncentive((int)days, (int)discount);
            }
        }

        var (validity, validitySources) = ReadValidity(reader, root, references);
        var workflowNode = reader.Child(root, "workflow");
        var workflow = Workflow(reader, root, references);
        var workflowSources = reader.Values(root, "workflowSource");
        references.SourceTags.AddRange(workflowSources);

        if (code is null || name is null || agencyCode is null || law is null || sla is null || validity is null || workflowNode is null)
        {
            return;
        }

        CheckFileName(reader, root, LicencesFolder, code);
        var definition = new LicenceDefinition(
            code, name, agencyCode, law,
            required.Select(r => r.Because).ToList(), optional.Select(r => r.Because).ToList(),
            fields, documents, fees, sla.Value, online, validity, workflow,
            new FactSources(agencySources, lawSources, slaSources, onlineSources, validitySources, workflowSources.Select(s => s.Value).ToList()));
        parsed.Licences.Add(new ParsedLicence(
            definition, reader.At(root), required, optional, references.FeeQuestions, references.Agencies, references.Roles,
            references.SourceTags, references.FieldKeys, references.StepCodes, reader.At(workflowNode)));
    }

    private static List<string> Sources(YamlReader reader, YamlMappingNode map, LicenceReferences references)
    {
        var tags = reader.Values(map, "source");
        references.SourceTags.AddRange(tags);
        if (tags.Count == 0 && map.Children.ContainsKey(new YamlScalarNode("source")))
        {
            reader.Error(map, "'source' needs at least one tag (use 'assumption' for an unverified fact).");
        }

        return tags.Select(t => t.Value).ToList();
    }

    private static List<LicenceRule> Rules(YamlReader reader, YamlMappingNode who, string key, LicenceReferences references)
    {
        var rules = new List<LicenceRule>();
        foreach (var node in reader.Sequence(who, key, required: false))
        {
            if (reader.Mapping(node, "A rule") is not { } map)
            {
                continue;
            }

            reader.OnlyKeys(map, "when", "because", "source");
            var when = Condition(reader, reader.Child(map, "when"));
            var because = reader.Text(map, "because");
            var sources = Sources(reader, map, references);
            if (when is not null && because is not null)
            {
                rules.Add(new LicenceRule(when, because, sources));
            }
        }

        return rules;
    }

    private static Condition? Condition(YamlReader reader, YamlNode? node)
    {
        if (reader.Mapping(node, "A condition") is not { } map)
        {
            return null;
        }

        var at = reader.At(map);
        if (map.Children.ContainsKey(new YamlScalarNode("always")))
        {
            reader.OnlyKeys(map, "always");
            return reader.Flag(map, "always") ? new AlwaysCondition(at) : Fail(reader, map, "'always' can only be true.");
        }

        foreach (var combinator in Combinators)
        {
            if (map.Children.ContainsKey(new YamlScalarNode(combinator)))
            {
                reader.OnlyKeys(map, combinator);
                var parts = reader.Sequence(map, combinator).Select(p => Condition(reader, p)).ToList();
                if (parts.Count == 0)
                {
                    return Fail(reader, map, $"'{combinator}' needs at least one condition.");
                }

                if (parts.Any(p => p is null))
                {
                    return null;
                }

                return combinator == "all" ? new AllCondition(parts!, at) : new AnyCondition(parts!, at);
            }
        }

        reader.OnlyKeys(map, ["question", .. QuestionTests]);
        var question = reader.String(map, "question");
        if (question is null)
        {
            return null;
        }

        var tests = QuestionTests.Where(t => map.Children.ContainsKey(new YamlScalarNode(t))).ToList();
        if (tests.Count != 1)
        {
            return Fail(reader, map, "A question condition has exactly one of equals, atLeast, lessThan, moreThan or includesAny.");
        }

        return tests[0] switch
        {
            "equals" => reader.String(map, "equals") is { } value ? new EqualsCondition(question, value, at) : null,
            "includesAny" => reader.Values(map, "includesAny") is { Count: > 0 } values
                ? new IncludesAnyCondition(question, values.Select(v => v.Value).ToList(), at)
                : Fail(reader, map, "'includesAny' needs at least one value."),
            var comparison => reader.Number(map, comparison) is { } limit
                ? new NumberCondition(question, comparison switch
                {
                    "atLeast" => NumberComparison.AtLeast,
                    "lessThan" => NumberComparison.LessThan,
                    _ => NumberComparison.MoreThan,
                }, limit, at)
                : null,
        };
    }

    private static Condition? Fail(YamlReader reader, YamlNode node, string message)
    {
        reader.Error(node, message);
        return null;
    }

    private static List<FieldDefinition> Fields(YamlReader reader, YamlMappingNode root, LicenceReferences references)
    {
        var fields = new List<FieldDefinition>();
        foreach (var node in reader.Sequence(root, "fields"))
        {
            if (reader.Mapping(node, "A field") is not { } map)
            {
                continue;
            }

            reader.OnlyKeys(map, "key", "label", "type", "registry");
            var key = reader.String(map, "key");
            var label = reader.Text(map, "label");
            var type = reader.String(map, "type");
            var registry = ReadRegistry(reader, map, "registry");
            if (type is not null && !FieldTypes.Contains(type, StringComparer.Ordinal))
            {
                reader.Error(map, $"Unknown field type '{type}'; use one of {string.Join(", ", FieldTypes)}.");
            }

            if (key is not null && label is not null && type is not null && registry is not null)
            {
                references.FieldKeys.Add(new Reference(key, reader.At(map)));
                fields.Add(new FieldDefinition(key, label, type, registry.Value));
            }
        }

        return fields;
    }

    private static readonly string[] Combinators = ["all", "any"];

    private static readonly string[] QuestionTests = ["equals", "atLeast", "lessThan", "moreThan", "includesAny"];

    private static readonly string[] FeeKinds = ["satang", "perUnit", "bands"];

    private static readonly string[] FieldTypes = ["text", "number", "date", "address", "phone", "citizenId", "juristicId"];

    private static Registry? ReadRegistry(YamlReader reader, YamlMappingNode map, string key)
    {
        var value = reader.String(map, key);
        Registry? registry = value switch
        {
            "none" => Registry.None,
            "population" => Registry.Population,
            "juristic" => Registry.Juristic,
            _ => null,
        };
        if (value is not null && registry is null)
        {
            reader.Error(map, $"Unknown registry '{value}'; use none, population or juristic.");
        }

        return registry;
    }

    private static List<DocumentDefinition> Documents(YamlReader reader, YamlMappingNode root)
    {
        var documents = new List<DocumentDefinition>();
        foreach (var node in reader.Sequence(root, "documents", required: false))
        {
            if (reader.Mapping(node, "A document") is not { } map)
            {
                continue;
            }

            reader.OnlyKeys(map, "key", "name", "stateHolds");
            var key = reader.String(map, "key");
            var name = reader.Text(map, "name");
            var holds = ReadRegistry(reader, map, "stateHolds");
            if (key is not null && name is not null && holds is not null)
            {
                documents.Add(new DocumentDefinition(key, name, holds.Value));
            }
        }

        return documents;
    }

    private static List<Fee> Fees(YamlReader reader, YamlMappingNode root, string? licenceAgency, LicenceReferences references)
    {
        var fees = new List<Fee>();
        foreach (var node in reader.Sequence(root, "fees"))
        {
            if (reader.Mapping(node, "A fee") is not { } map)
            {
                continue;
            }

            reader.OnlyKeys(map, "label", "agency", "published", "satang", "maxSatang", "perUnit", "bands", "source");
            var label = reader.Text(map, "label");
            var agency = reader.String(map, "agency", required: false);
            if (agency is not null)
            {
                references.Agencies.Add(new Reference(agency, reader.At(map)));
            }

            var sources = Sources(reader, map, references);
            var formula = FeeFormula(reader, map, references);
            if (label is not null && formula is not null && (agency ?? licenceAgency) is { } payee)
            {
                fees.Add(new Fee(label, payee, formula, sources));
            }
        }

        return fees;
    }

    private static FeeFormula? FeeFormula(YamlReader reader, YamlMappingNode map, LicenceReferences references)
    {
        var kinds = FeeKinds.Where(k => map.Children.ContainsKey(new YamlScalarNode(k))).ToList();
        var published = reader.Flag(map, "published", fallback: true);
        if (!published)
        {
            if (kinds.Count > 0)
            {
                reader.Error(map, "An unpublished fee has no amount.");
            }

            return new UnpublishedFee();
        }

        if (kinds.Count != 1)
        {
            reader.Error(map, "A fee has exactly one of satang, perUnit or bands (or published: false).");
            return null;
        }

        switch (kinds[0])
        {
            case "satang":
                var satang = reader.WholeNumber(map, "satang");
                var max = reader.WholeNumber(map, "maxSatang", required: false);
                if (satang is not null && max is not null && max < satang)
                {
                    reader.Error(map, "'maxSatang' must not be below 'satang'.");
                }

                return satang is null ? null : new FixedFee(satang.Value, max);
            case "perUnit":
                if (reader.Mapping(reader.Child(map, "perUnit"), "perUnit") is not { } unit)
                {
                    return null;
                }

                reader.OnlyKeys(unit, "question", "unitSize", "satangPerUnit", "minSatang", "maxSatang");
                var question = reader.String(unit, "question");
                var size = reader.Number(unit, "unitSize");
                var rate = reader.WholeNumber(unit, "satangPerUnit");
                var min = reader.WholeNumber(unit, "minSatang", required: false);
                var cap = reader.WholeNumber(unit, "maxSatang", required: false);
                if (size <= 0)
                {
                    reader.Error(unit, "'unitSize' must be more than zero.");
                    return null;
                }

                if (question is null || size is null || rate is null)
                {
                    return null;
                }

                references.FeeQuestions.Add(new Reference(question, reader.At(unit)));
                return new PerUnitFee(question, size.Value, rate.Value, min, cap);
            default:
                if (reader.Mapping(reader.Child(map, "bands"), "bands") is not { } bands)
                {
                    return null;
                }

                reader.OnlyKeys(bands, "question", "steps");
                var bandQuestion = reader.String(bands, "question");
                var steps = new List<FeeBand>();
                foreach (var step in reader.Sequence(bands, "steps"))
                {
                    if (reader.Mapping(step, "A band") is { } band)
                    {
                        reader.OnlyKeys(band, "upTo", "satang");
                        var amount = reader.WholeNumber(band, "satang");
                        if (amount is not null)
                        {
                            steps.Add(new FeeBand(reader.Number(band, "upTo", required: false), amount.Value));
                        }
                    }
                }

                if (steps.Count == 0 || steps[^1].UpTo is not null || steps.SkipLast(1).Any(s => s.UpTo is null))
                {
                    reader.Error(bands, "Bands need 'upTo' on every step except the last, which has none.");
                    return null;
                }

                if (bandQuestion is null)
                {
                    return null;
                }

                references.FeeQuestions.Add(new Reference(bandQuestion, reader.At(bands)));
                return new BandedFee(bandQuestion, steps);
        }
    }

    private static (Validity?, IReadOnlyList<string>) ReadValidity(YamlReader reader, YamlMappingNode root, LicenceReferences references)
    {
        if (reader.Mapping(reader.Child(root, "validity"), "validity") is not { } map)
        {
            return (null, []);
        }

        reader.OnlyKeys(map, "term", "months", "renewable", "renewalWorkingDays", "source");
        var termName = reader.String(map, "term");
        ValidityTerm? term = termName switch
        {
            "none" => ValidityTerm.None,
            "months" => ValidityTerm.Months,
            "endOfYear" => ValidityTerm.EndOfYear,
            "oneOff" => ValidityTerm.OneOff,
            "onTheLicence" => ValidityTerm.OnTheLicence,
            _ => null,
        };
        if (termName is not null && term is null)
        {
            reader.Error(map, $"Unknown term '{termName}'; use none, months, endOfYear, oneOff or onTheLicence.");
        }

        var months = (int?)reader.WholeNumber(map, "months", required: term == ValidityTerm.Months, min: 1);
        var sources = Sources(reader, map, references);
        return term is null
            ? (null, sources)
            : (new Validity(term.Value, months, reader.Flag(map, "renewable"), (int?)reader.WholeNumber(map, "renewalWorkingDays", required: false)), sources);
    }

    private static List<WorkflowStep> Workflow(YamlReader reader, YamlMappingNode root, LicenceReferences references)
    {
        var steps = new List<WorkflowStep>();
        var stage = 0;
        foreach (var node in reader.Sequence(root, "workflow", required: false))
        {
            if (reader.Mapping(node, "A workflow stage") is not { } map)
            {
                continue;
            }

            stage++;
            if (map.Children.ContainsKey(new YamlScalarNode("parallel")))
            {
                reader.OnlyKeys(map, "parallel");
                var parallel = reader.Sequence(map, "parallel");
                if (parallel.Count < 2)
                {
                    reader.Error(map, "'parallel' needs at least two steps.");
                }

                foreach (var inner in parallel)
                {
                    if (reader.Mapping(inner, "A workflow step") is { } step && Step(reader, step, stage, references) is { } s)
                    {
                        steps.Add(s);
                    }
                }
            }
            else if (Step(reader, map, stage, references) is { } s)
            {
                steps.Add(s);
            }
        }

        return steps;
    }

    private static WorkflowStep? Step(YamlReader reader, YamlMappingNode map, int stage, LicenceReferences references)
    {
        reader.OnlyKeys(map, "step", "name", "agency", "role", "autoApprove");
        var code = reader.String(map, "step");
        var name = reader.Text(map, "name");
        var agency = reader.String(map, "agency");
        var role = reader.String(map, "role");
        var auto = reader.Flag(map, "autoApprove");
        if (code is null || name is null || agency is null || role is null)
        {
            return null;
        }

        references.Agencies.Add(new Reference(agency, reader.At(map)));
        references.Roles.Add(new Reference(role, reader.At(map)));
        references.StepCodes.Add(new Reference(code, reader.At(map)));
        return new WorkflowStep(stage, code, name, agency, role, auto);
    }

    private sealed class LicenceReferences
    {
        public List<Reference> FeeQuestions { get; } = [];

        public List<Reference> Agencies { get; } = [];

        public List<Reference> Roles { get; } = [];

        public List<Reference> SourceTags { get; } = [];

        public List<Reference> FieldKeys { get; } = [];

        public List<Reference> StepCodes { get; } = [];
    }
}

/// <summary>A catalogue file: its path relative to the catalogue folder, and its text.</summary>
internal sealed record CatalogueFile(string Path, string Text);
