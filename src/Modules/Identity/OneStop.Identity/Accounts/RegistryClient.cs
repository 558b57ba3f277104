using System.Net.Http.Json;
using System.Text.Json;
using OneStop.Exchange.Contracts;
using OneStop.SharedKernel.Geography;

namespace OneStop.Identity.Accounts;

/// <summary>
/// The population and juristic-person registries as the Digital ID reaches them: through the
/// exchange, as subsystem <see cref="ExchangeNames.DigitalIdClient"/>, with a purpose on each call.
/// </summary>
internal sealed class RegistryClient(IHttpClientFactory clients)
{
    /// <summary>What DOPA's card check is asked; the birth date in Buddhist Era, YYYYMMDD.</summary>
    public sealed record CardCheck(string CitizenId, string FirstName, string LastName, string BirthDate, string Laser);

    /// <summary>The parts of the population record the Digital ID keeps as claims.</summary>
    public sealed record Person(
        string CitizenId, string TitleTh, string GivenNameTh, string FamilyNameTh, string GivenNameEn, string FamilyNameEn,
        string Gender, DateOnly BirthDate, string Status, House House);

    public sealed record House(ThaiAddress Address);

    /// <summary>The parts of the juristic-person record that decide who may act for the company.</summary>
    public sealed record Company(string JuristicId, string NameTh, string NameEn, string Status, IReadOnlyList<Director> Directors);

    public sealed record Director(string CitizenId, bool MaySign);

    private sealed record CardCheckAnswer(bool Valid);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>True when every field matches a living person's current card; null when the registry could not be reached.</summary>
    public async Task<bool?> CheckCardAsync(CardCheck card, string purpose, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Post, "TH/GOV/DOPA/population/card-check", purpose);
        request.Content = JsonContent.Create(card, options: Json);
        using var response = await SendAsync(request, cancellationToken);
        return response is { IsSuccessStatusCode: true } ? (await response.Content.ReadFromJsonAsync<CardCheckAnswer>(Json, cancellationToken))?.Valid : null;
    }

    /// <summary>The person's record, or null when the registry could not be reached or has no such person.</summary>
    public async Task<Person?> GetPersonAsync(string citizenId, string purpose, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, $"TH/GOV/DOPA/population/persons/{Uri.EscapeDataString(citizenId)}", purpose);
        using var response = await SendAsync(request, cancellationToken);
        return response is { IsSuccessStatusCode: true } ? await response.Content.ReadFromJsonAsync<Person>(Json, cancellationToken) : null;
    }

    /// <summary>The company's record, or null when the registry could not be reached or has no such company.</summary>
    public async Task<(bool Reached, Company? Company)> GetCompanyAsync(string juristicId, string purpose, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, $"TH/GOV/DBD/juristic/companies/{Uri.EscapeDataString(juristicId)}", purpose);
        using var response = await SendAsync(request, cancellationToken);
        return response switch
        {
            { IsSuccessStatusCode: true } => (true, await response.Content.ReadFromJsonAsync<Company>(Json, cancellationToken)),
            { StatusCode: System.Net.HttpStatusCode.NotFound } => (true, null),
            _ => (false, null),
        };
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string purpose)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Road-Client", ExchangeNames.DigitalIdClient);
        request.Headers.Add("X-Road-Issue", purpose);
        return request;
    }

    private async Task<HttpResponseMessage?> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await clients.CreateClient(ExchangeNames.ConsumerHttpClient).SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
