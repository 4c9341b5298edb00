using System.Net;
using Conveyor.Executor.Runtimes.Docker;
using Docker.DotNet;

namespace Conveyor.Executor.Tests;

/// <summary>The engine's failures as Docker.DotNet reports them, told apart from a stop and put in the engine's own words.</summary>
public sealed class EngineErrorsTests
{
    [Fact]
    public void Should_show_the_engines_own_message_when_the_engine_refuses_a_request()
    {
        var refused = new DockerApiException(HttpStatusCode.Conflict, """{"message":"Conflict. The container name is already in use"}""");

        Assert.True(EngineErrors.Is(refused, CancellationToken.None));
        Assert.Equal("Conflict. The container name is already in use", EngineErrors.Message(refused));
    }

    [Fact]
    public void Should_show_the_raw_answer_when_the_engine_answers_something_other_than_its_json_error()
    {
        var refused = new DockerApiException(HttpStatusCode.BadGateway, "upstream gone");

        Assert.Equal("the engine answered 502: upstream gone", EngineErrors.Message(refused));
    }

    [Fact]
    public void Should_count_a_request_past_its_limit_as_an_engine_failure_but_not_the_callers_own_cancellation()
    {
        using var stopped = new CancellationTokenSource();
        stopped.Cancel();
        var timedOut = new TaskCanceledException();

        Assert.True(EngineErrors.Is(timedOut, CancellationToken.None));
        Assert.False(EngineErrors.Is(timedOut, stopped.Token));
        Assert.Equal("the Docker engine did not answer in time", EngineErrors.Message(timedOut));
    }

    [Fact]
    public async Task Should_say_the_engine_did_not_answer_when_its_socket_is_missing()
    {
        var options = new DockerRuntimeOptions { SocketPath = "/nonexistent/docker.sock" };
        using var docker = DockerClientFactory.Create(options);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => docker.System.PingAsync());

        Assert.True(EngineErrors.Is(error, CancellationToken.None));
        Assert.StartsWith("the Docker engine did not answer: ", EngineErrors.Message(error));
    }

    [Fact]
    public void Should_pin_every_request_to_the_configured_api_version_when_the_client_is_made()
    {
        using var docker = DockerClientFactory.Create(new DockerRuntimeOptions());

        Assert.Equal(new Version(1, 41), docker.Options.ApiVersion);
        Assert.Equal(new Uri("unix:///var/run/docker.sock"), docker.Options.Endpoint);
    }
}
