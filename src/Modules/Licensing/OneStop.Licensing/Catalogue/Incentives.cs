using OneStop.Licensing.Contracts;

namespace OneStop.Licensing.Catalogue;

/// <summary>What the portal channel earns: only a licence that defines an online incentive changes with the channel.</summary>
internal static class Incentives
{
    public static int SlaDays(LicenceDefinition licence, Channel channel)
        => channel == Channel.Online && licence.Online is { } online ? Math.Min(online.SlaDays, licence.SlaWorkingDays) : licence.SlaWorkingDays;

    public static int DiscountPercent(LicenceDefinition licence, Channel channel)
        => channel == Channel.Online && licence.Online is { } online ? online.FeeDiscountPercent : 0;
}
