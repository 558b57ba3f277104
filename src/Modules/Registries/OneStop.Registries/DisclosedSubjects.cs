using Microsoft.AspNetCore.Http;
using OneStop.Exchange.Contracts;

namespace OneStop.Registries;

/// <summary>Tells the exchange whose data an answer discloses, so that each of them sees the read.</summary>
internal static class DisclosedSubjects
{
    public static void Declare(HttpResponse response, IEnumerable<string> citizenIds)
    {
        var list = string.Join(',', citizenIds);
        if (list.Length > 0)
        {
            response.Headers[ExchangeProviderHeaders.DataSubjects] = list;
        }
    }
}
