using Microsoft.Extensions.DependencyInjection;
using OneStop.Exchange.Contracts;
using OneStop.Testing;
using OneStop.Web.Commands;

namespace OneStop.Web.Tests.Commands;

/// <summary><c>exchange verify-log</c> answers with an exit code whatever happens while verifying.</summary>
public sealed class VerifyLogCommandTests : IAsyncLifetime
{
    private readonly FailingLogVerification app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task VerifyLog_WhenAVerificationThrows_NamesItAndExits1()
    {
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        int exit;
        try
        {
            exit = await ProgramCommands.RunAsync(app.Services, ["exchange", "verify-log"]);
        }
        finally
        {
            Console.SetOut(original);
        }

        Assert.Equal(1, exit);
        Assert.Contains("message log NOT VERIFIED: the verification failed (InvalidOperationException: Sequence contains more than one element)", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("consent history intact", output.ToString(), StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private sealed class FailingLogVerification : AppFactory
    {
        protected override void ConfigureTestServices(IServiceCollection services) => services.AddScoped<IMessageLogVerifier, Throwing>();
    }

    private sealed class Throwing : IMessageLogVerifier
    {
        public Task<MessageLogVerification> VerifyAsync(CancellationToken cancellationToken)
            => throw new InvalidOperationException("Sequence contains more than one element");
    }
}
