namespace OneStop.SharedKernel.Workflow;

/// <summary>
/// The one pattern every workflow of the platform follows (licence applications, review tasks, invoices,
/// e-licences): the states and triggers are enums, the allowed moves are one exhaustive <c>switch</c>
/// returning the next state or null, and an entity changes state only through <see cref="Fire"/>, so a
/// move the table does not allow is an expected failure (409) rather than a corrupted record.
/// </summary>
/// <param name="Name">The workflow's name in error codes, e.g. <c>licence</c>.</param>
/// <param name="Next">The transition table: the state after <c>trigger</c> in <c>state</c>, or null when not allowed.</param>
public sealed record StateMachine<TState, TTrigger>(string Name, Func<TState, TTrigger, TState?> Next)
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    /// <summary>The state after <paramref name="trigger"/>, or a conflict naming both.</summary>
    public Result<TState> Fire(TState state, TTrigger trigger)
        => Next(state, trigger) is { } next
            ? next
            : Error.Conflict($"{Name}.{Kebab(trigger.ToString())}.not_allowed", $"'{Kebab(trigger.ToString())}' is not allowed on a {Name.Replace('_', ' ')} that is {Kebab(state.ToString())}.");

    /// <summary>Whether <paramref name="trigger"/> is allowed in <paramref name="state"/>.</summary>
    public bool Allows(TState state, TTrigger trigger) => Next(state, trigger) is not null;

    private static string Kebab(string name) => WireNames.Kebab(name);
}

/// <summary>Names of states and kinds on the wire: <c>WaitingForApplicant</c> is <c>waiting-for-applicant</c>.</summary>
public static class WireNames
{
    public static string Kebab(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
    }
}

/// <summary>For moves the code itself guarantees: a failure there is a bug, not an expected outcome.</summary>
public static class ResultAssertions
{
    public static T ThrowIfFailed<T>(this Result<T> result)
        => result.IsSuccess ? result.Value! : throw new InvalidOperationException($"{result.Error!.Code}: {result.Error.Message}");
}
