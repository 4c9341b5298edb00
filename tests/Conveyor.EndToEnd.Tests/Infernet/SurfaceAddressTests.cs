using System.Net;
using Conveyor.TestSupport;

namespace Conveyor.EndToEnd.Tests.Infernet;

/// <summary>A surface given a listening address of its own (an Infernet node's port, a NEXAPod coordinator's) answers there too.</summary>
[Collection(StackCollection.Name)]
public sealed class SurfaceAddressTests(StackFixture fixture)
{
    [Fact]
    public async Task Should_answer_infernet_and_nexapod_clients_on_the_addresses_configured_for_them()
    {
        int infernetPort = FreePort.Next(), nexapodPort = FreePort.Next();
        var api = await fixture.Stack.StartAnother("Conveyor.Api", new Dictionary<string, string>(InfernetTestContainers.Settings())
        {
            ["Infernet__Url"] = $"http://127.0.0.1:{infernetPort}",
            ["Nexapod__Url"] = $"http://127.0.0.1:{nexapodPort}",
        });
        try
        {
            using var http = new HttpClient();
            var health = await http.GetAsync($"http://127.0.0.1:{infernetPort}/health");
            var nodes = await http.GetAsync($"http://127.0.0.1:{nexapodPort}/nodes");
            var native = await http.GetAsync(new Uri(fixture.Stack.AddressOf(api), "/api/v1/health"));

            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal("""{"status":"healthy"}""", await health.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, nodes.StatusCode);
            Assert.Equal(HttpStatusCode.OK, native.StatusCode);
        }
        finally
        {
            api.Kill();
        }
    }
}
