using OneStop.SharedKernel;
using OneStop.SharedKernel.Data;
using OneStop.SharedKernel.Identifiers;

namespace OneStop.Licensing.Applications;

/// <summary>What counter staff record to start an application for a walk-in.</summary>
internal sealed record CounterRequest(
    string? CitizenId, string? Name, string? JuristicId, string? IdentityCheck, bool Consent,
    string? BusinessType, IReadOnlyList<string>? Licences, string? Province, string? District, string? Email = null);

/// <summary>
/// Counter staff start an application for a walk-in: who they are (citizen ID as on the card, how the identity
/// was checked), their consent to the registries being read, and the company when they may sign for it.
/// The walk-in can later sign in with the Digital ID and carry on online; with an e-mail address they are told of each step.
/// </summary>
internal static class StartAtCounter
{
    public const int MaxTextLength = 300;

    public const int MaxEmailLength = 254;

    internal sealed class Handler(StartApplication.Handler start, RegistryReader registries, TimeProvider clock)
    {
        public async Task<Result<LicenceApplication>> HandleAsync(CounterStaff staff, CounterRequest request, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(staff);
            ArgumentNullException.ThrowIfNull(request);
            if (!ThaiCitizenId.TryParse(request.CitizenId, out var citizenId))
            {
                return Error.Invalid("citizenId", "The walk-in's 13-digit citizen ID, as on their card.");
            }

            if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > MaxTextLength)
            {
                return Error.Invalid("name", "The walk-in's name as on their card.");
            }

            if (request.JuristicId is { Length: > 0 } && !JuristicPersonId.TryParse(request.JuristicId, out _))
            {
                return Error.Invalid("juristicId", "The company's 13-digit juristic ID.");
            }

            if (string.IsNullOrWhiteSpace(request.IdentityCheck) || request.IdentityCheck.Length > MaxTextLength)
            {
                return Error.Invalid("identityCheck", "Say how you checked the walk-in's identity (e.g. ID card read by chip).");
            }

            if (request.Email is { Length: > 0 } email && (email.Length > MaxEmailLength || !System.Net.Mail.MailAddress.TryCreate(email.Trim(), out _)))
            {
                return Error.Invalid("email", "An e-mail address such as name@example.com, or nothing.");
            }

            if (!request.Consent)
            {
                return Error.Invalid("consent", "The walk-in must agree to the registries being read for this application.");
            }

            string? companyName = null;
            if (request.JuristicId is { Length: > 0 } juristicId)
            {
                // As online, only a director who may sign acts for a company: the juristic registry says who.
                var company = await registries.CompanyAsync(juristicId, $"counter {staff.OfficeCode}: authority to sign", ct);
                if (company is null)
                {
                    return Error.Invalid("juristicId", "The juristic registry has no such company, or could not be reached; check the number or try again.");
                }

                if (!(company.Directors ?? []).Any(d => d.CitizenId == citizenId.Value && d.MaySign))
                {
                    return Error.Invalid("juristicId", "The walk-in is not a director who may sign for this company.");
                }

                companyName = company.NameTh;
            }

            var walkIn = new Applicant(citizenId.Value, request.Name.Trim(), staff.Subject, request.JuristicId is { Length: > 0 } ? request.JuristicId : null, companyName);
            var counter = new StartApplication.AtCounter(staff.Subject, staff.OfficeCode, request.IdentityCheck.Trim(), clock.UtcNowAsStored())
            {
                Email = request.Email is { Length: > 0 } address ? address.Trim() : null,
            };
            return await start.HandleAsync(walkIn, new StartApplication.Request(request.BusinessType, request.Licences, request.Province, request.District), counter, ct);
        }
    }
}
