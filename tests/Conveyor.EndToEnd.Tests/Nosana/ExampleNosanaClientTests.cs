using Conveyor.TestSupport;

namespace Conveyor.EndToEnd.Tests.Nosana;

/// <summary>The README's example Nosana client (tests/Conveyor.ExampleNosanaClient), run as the outside program it is.</summary>
[Collection(StackCollection.Name)]
public sealed class ExampleNosanaClientTests(StackFixture fixture)
{
    [Fact]
    public async Task Should_post_follow_and_read_a_two_op_job_when_the_readmes_example_client_runs()
    {
        var dll = Path.Combine(TestInfrastructure.RepositoryRoot, "tests", "Conveyor.ExampleNosanaClient", "bin", TestInfrastructure.BuildConfiguration,
            "net10.0", "Conveyor.ExampleNosanaClient.dll");
        await using var client = ServiceProcess.StartAssembly("Conveyor.ExampleNosanaClient", dll, new Dictionary<string, string>(),
            fixture.Stack.LogDirectory, fixture.Stack.Api.BaseAddress!.ToString());

        Assert.True(await client.WaitForExit(NosanaJobs.Patience), client.Tail());
        var output = client.Tail(200);
        Assert.Equal(0, client.ExitCode);
        Assert.Contains(": Job definition received", output);
        Assert.Matches("log stdout: hello world\\n(.*\\n)*log stdout: 1\\nlog stdout: 2\\n", output.Replace("\r", ""));
        Assert.Contains("result: {\"status\":\"success\"", output);
    }
}
