using System.Net;

namespace Conveyor.Dashboard.Tests;

/// <summary>What the dashboard answers to requests its pages never send: a clear 4xx page, never a 500, nothing changed.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardBadInputTests(DashboardFixture fixture)
{
    [Theory]
    [InlineData("GET", "/dashboard/jobs?status=nope", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/dashboard/jobs?priority=urgent", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/dashboard/jobs?page=0", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/dashboard/jobs?page=abc", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/dashboard/jobs/not-a-uuid", HttpStatusCode.NotFound)]
    [InlineData("GET", "/dashboard/jobs/00000000-0000-0000-0000-000000000000", HttpStatusCode.NotFound)]
    [InlineData("GET", "/dashboard/assets/missing.js", HttpStatusCode.NotFound)]
    [InlineData("POST", "/dashboard/login", HttpStatusCode.BadRequest)]
    public async Task Should_answer_a_4xx_page_to_a_request_the_dashboard_never_sends(string method, string path, HttpStatusCode expected)
    {
        using var http = fixture.Client(DashboardFixture.AdminKey);
        var before = await fixture.Stack.Database.Scalar("SELECT count(*) FROM jobs");
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
            request.Content = new StringContent("""{"key":"dashboard-admin-4be1"}""", System.Text.Encoding.UTF8, "application/json");

        using var response = await http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(before, await fixture.Stack.Database.Scalar("SELECT count(*) FROM jobs"));
        Assert.DoesNotContain("Set-Cookie", response.Headers.Select(h => h.Key));
    }
}
