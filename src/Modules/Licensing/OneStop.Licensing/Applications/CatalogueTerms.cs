namespace OneStop.Licensing.Applications;

/// <summary>The catalogue as applications read it (filled in when the catalogue lands).</summary>
internal sealed class CatalogueTerms : ILicenceTerms
{
    public bool IsBusinessType(string code) => false;

    public LicenceTerms? Find(string licenceCode) => null;

    public (long FeeSatang, int SlaDays) Charge(string licenceCode, Channel channel, IReadOnlyDictionary<string, string> answers) => (0, 0);
}
