namespace OneStop.Testing;

/// <summary>The system clock moved by <paramref name="by"/>: for a job's run days or months from now.</summary>
public sealed class ShiftedClock(TimeSpan by) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + by;
}
