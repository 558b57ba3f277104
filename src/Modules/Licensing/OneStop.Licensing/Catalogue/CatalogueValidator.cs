using OneStop.Agencies.Contracts;
using OneStop.Licensing.Contracts;
using OneStop.Licensing.Guide;

namespace OneStop.Licensing.Catalogue;

/// <summary>Cross-checks a parsed catalogue: unique codes, and every reference resolves to something that exists.</summary>
internal sealed class CatalogueValidator(List<CatalogueError> errors)
{
    /// <summary>Roles a review step may name: the officer roles that decide applications.</summary>
    public static readonly IReadOnlySet<string> ReviewRoles = new HashSet<string>(StringComparer.Ordinal)
    {
        OfficerRoleCodes.Officer, OfficerRoleCodes.Reviewer, OfficerRoleCodes.Approver, OfficerRoleCodes.CounterStaff,
    };

    /// <param name="parsed">The files as read.</param>
    /// <param name="knownAgencies">Agency codes to check against; null checks only their shape (the host checks them against the Agencies module once it is seeded).</param>
    public CatalogueData? Validate(ParsedCatalogue parsed, IReadOnlySet<string>? knownAgencies)
    {
        var before = errors.Count;
        var sourceTags = Unique(parsed.SourceTags, r => r.Value, r => r.At, "source tag");
        var groups = Unique(parsed.Groups, g => g.Group.Key, g => g.At, "question group");
        var questions = Unique(parsed.Questions, q => q.Key, q => q.At, "question");
        var licences = Unique(parsed.Licences, l => l.Definition.Code, l => l.At, "licence");
        var businessTypes = Unique(parsed.BusinessTypes, b => b.Code, b => b.At, "business type");

        foreach (var question in parsed.Questions)
        {
            if (!groups.ContainsKey(question.Group.Value))
            {
                Error(question.Group.At, $"Question '{question.Key}' is in unknown group '{question.Group.Value}'.");
            }

            Unique(question.Options, o => o.Option.Value, o => o.At, $"option of question '{question.Key}'");
        }

        foreach (var licence in parsed.Licences)
        {
            CheckLicence(licence, questions, sourceTags, knownAgencies);
        }

        var definitions = new List<BusinessTypeDefinition>();
        foreach (var type in parsed.BusinessTypes)
        {
            CheckSources(type.Sources, sourceTags);
            var asked = new List<QuestionDefinition>();
            foreach (var key in type.QuestionKeys)
            {
                if (questions.TryGetValue(key.Value, out var question) && groups.TryGetValue(question.Group.Value, out var group))
                {
                    asked.Add(new QuestionDefinition(question.Key, question.Type, group.Group, question.Text, question.Unit, question.Options.Select(o => o.Option).ToList()));
                }
                else
                {
                    Error(key.At, $"Business type '{type.Code}' asks unknown question '{key.Value}'.");
                }
            }

            Unique(type.QuestionKeys, k => k.Value, k => k.At, $"question of business type '{type.Code}'");
            Unique(type.LicenceCodes, k => k.Value, k => k.At, $"licence of business type '{type.Code}'");
            if (type.LicenceCodes.Count == 0)
            {
                Error(type.At, $"Business type '{type.Code}' lists no licences.");
            }

            var askedKeys = type.QuestionKeys.Select(k => k.Value).ToHashSet(StringComparer.Ordinal);
            foreach (var code in type.LicenceCodes)
            {
                if (!licences.TryGetValue(code.Value, out var licence))
                {
                    Error(code.At, $"Business type '{type.Code}' lists unknown licence '{code.Value}'.");
                    continue;
                }

                // The guide can only decide a licence from questions the business type asks.
                var read = licence.Required.Concat(licence.Optional).SelectMany(r => Determinants.Questions(r.When))
                    .Concat(licence.FeeQuestions.Select(f => (Key: f.Value, f.At)));
                foreach (var (key, at) in read.Where(q => questions.ContainsKey(q.Key) && !askedKeys.Contains(q.Key)).DistinctBy(q => q.Key))
                {
                    Error(at, $"Licence '{licence.Definition.Code}' depends on question '{key}', which business type '{type.Code}' does not ask (add it to {CatalogueParser.BusinessTypesFolder}{type.Code}.yaml).");
                }
            }

            definitions.Add(new BusinessTypeDefinition(type.Code, type.Name, type.Sources.Select(s => s.Value).ToList(), asked, type.LicenceCodes.Select(c => c.Value).ToList()));
        }

        if (errors.Count > before || parsed.Version is null)
        {
            return null;
        }

        return new CatalogueData(
            parsed.Version,
            parsed.Licences.Select(l => l.Definition).ToList(),
            definitions,
            parsed.Licences.ToDictionary(l => l.Definition.Code, l => new LicenceRules(l.Required, l.Optional), StringComparer.Ordinal),
            parsed.Licences.SelectMany(l => l.Agencies).ToList());
    }

    private void CheckLicence(ParsedLicence licence, Dictionary<string, ParsedQuestion> questions, Dictionary<string, Reference> sourceTags, IReadOnlySet<string>? knownAgencies)
    {
        var code = licence.Definition.Code;
        if (licence.Definition.Workflow.Count == 0)
        {
            Error(licence.WorkflowAt, $"Licence '{code}' has a workflow with no steps.");
        }

        foreach (var agency in licence.Agencies)
        {
            if (!IsAgencyCode(agency.Value))
            {
                Error(agency.At, $"'{agency.Value}' is not an agency code (8 characters, e.g. 12007000).");
            }
            else if (knownAgencies is not null && !knownAgencies.Contains(agency.Value))
            {
                Error(agency.At, $"Unknown agency '{agency.Value}'.");
            }
        }

        foreach (var role in licence.Roles.Where(r => !ReviewRoles.Contains(r.Value)))
        {
            Error(role.At, $"Unknown review role '{role.Value}'; use one of {string.Join(", ", ReviewRoles.Order(StringComparer.Ordinal))}.");
        }

        CheckSources(licence.SourceTags, sourceTags);
        Unique(licence.FieldKeys, f => f.Value, f => f.At, $"field of licence '{code}'");
        Unique(licence.StepCodes, s => s.Value, s => s.At, $"workflow step of licence '{code}'");
        Unique(licence.Definition.Documents.Select(d => new Reference(d.Key, licence.At)).ToList(), d => d.Value, d => d.At, $"document of licence '{code}'");

        foreach (var rule in licence.Required.Concat(licence.Optional))
        {
            CheckCondition(code, rule.When, questions);
        }

        foreach (var fee in licence.FeeQuestions)
        {
            if (!questions.TryGetValue(fee.Value, out var question))
            {
                Error(fee.At, $"A fee of licence '{code}' refers to unknown question '{fee.Value}'.");
            }
            else if (question.Type != QuestionType.Number)
            {
                Error(fee.At, $"A fee of licence '{code}' is worked out from '{fee.Value}', which is not a number question.");
            }
        }
    }

    private void CheckCondition(string licence, Condition condition, Dictionary<string, ParsedQuestion> questions)
    {
        switch (condition)
        {
            case AllCondition all:
                all.Parts.ToList().ForEach(p => CheckCondition(licence, p, questions));
                return;
            case AnyCondition any:
                any.Parts.ToList().ForEach(p => CheckCondition(licence, p, questions));
                return;
            case AlwaysCondition:
                return;
        }

        var (key, at) = Determinants.Questions(condition).Single();
        if (!questions.TryGetValue(key, out var question))
        {
            Error(at, $"A rule of licence '{licence}' refers to unknown question '{key}'.");
            return;
        }

        var options = question.Options.Select(o => o.Option.Value).ToHashSet(StringComparer.Ordinal);
        switch (condition)
        {
            case EqualsCondition eq when question.Type == QuestionType.YesNo && eq.Value is not ("true" or "false"):
                Error(at, $"'{key}' is a yes/no question; compare it with true or false.");
                break;
            case EqualsCondition eq when question.Type is QuestionType.Choice or QuestionType.Multi && !options.Contains(eq.Value):
                Error(at, $"'{eq.Value}' is not an option of question '{key}'.");
                break;
            case EqualsCondition when question.Type == QuestionType.Number:
            case IncludesAnyCondition when question.Type is not (QuestionType.Choice or QuestionType.Multi):
            case NumberCondition when question.Type != QuestionType.Number:
                Error(at, $"This test does not fit question '{key}', which is a {question.Type} question.");
                break;
            case IncludesAnyCondition includes:
                foreach (var value in includes.Values.Where(v => !options.Contains(v)))
                {
                    Error(at, $"'{value}' is not an option of question '{key}'.");
                }

                break;
        }
    }

    private void CheckSources(IEnumerable<Reference> tags, Dictionary<string, Reference> known)
    {
        foreach (var tag in tags.Where(t => !known.ContainsKey(t.Value)))
        {
            Error(tag.At, $"Unknown source tag '{tag.Value}'; declare it under 'sources' in {CatalogueParser.CatalogueFile}.");
        }
    }

    private static bool IsAgencyCode(string code) => code.Length == 8 && code.All(char.IsAsciiLetterOrDigit);

    private Dictionary<string, T> Unique<T>(IReadOnlyList<T> items, Func<T, string> key, Func<T, SourceLocation> at, string what)
    {
        var seen = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!seen.TryAdd(key(item), item))
            {
                Error(at(item), $"Duplicate {what} '{key(item)}' (first at {at(seen[key(item)])}).");
            }
        }

        return seen;
    }

    private void Error(SourceLocation at, string message) => errors.Add(new CatalogueError(at, message));
}
