using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Conveyor.TestSupport;
using Microsoft.Playwright;

namespace Conveyor.Dashboard.Tests;

/// <summary>
/// A stack whose API has keys (an admin and two clients) and an executor that runs containers, and Debian's Chromium
/// driven by Playwright, offline. Screenshots of each page go to <see cref="Screenshots"/>, kept as test artifacts.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string AdminKey = "dashboard-admin-4be1";
    public const string AliceKey = "dashboard-alice-7c02";
    public const string BobKey = "dashboard-bob-19fa";
    public const string ExecutorKey = "dashboard-executor-5d3e";
    public const string Image = "conveyor/busybox:latest";

    IPlaywright playwright = null!;

    public ConveyorStack Stack { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        var api = new Dictionary<string, string>();
        var keys = new (string Name, string Key, string Role)[] { ("ops", AdminKey, "Admin"), ("alice", AliceKey, "Client"), ("bob", BobKey, "Client"), ("worker", ExecutorKey, "Executor") };
        for (var i = 0; i < keys.Length; i++)
        {
            api[$"Api__Keys__{i}__Name"] = keys[i].Name;
            api[$"Api__Keys__{i}__Sha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(keys[i].Key)));
            api[$"Api__Keys__{i}__Role"] = keys[i].Role;
        }
        Stack = await ConveyorStack.Start(new ConveyorStackOptions
        {
            Environment = new Dictionary<string, IReadOnlyDictionary<string, string>> { ["Conveyor.Api"] = api },
        });
        Directory.CreateDirectory(Screenshots);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = HeadlessChromium.Binary,
            Headless = true,
            // A closed network: nothing but the stack on loopback.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--no-first-run"],
        });
    }

    /// <summary>
    /// A fresh browser context on the overview, holding the cookie the sign-in form sets for <paramref name="key"/> (the
    /// form itself is exercised by the test that signs in without script).
    /// </summary>
    public async Task<IPage> SignedIn(string key, int width = 1280)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Stack.Api.BaseAddress!.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
        });
        await context.AddCookiesAsync([new Cookie { Name = "conveyor_key", Value = key, Url = Stack.Api.BaseAddress!.ToString() }]);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        var response = await page.GotoAsync("/dashboard/");
        Assert.True(response!.Ok && page.Url.EndsWith("/dashboard/", StringComparison.Ordinal), $"{page.Url}: {response.Status}");
        return page;
    }

    public HttpClient Client(string key)
    {
        var http = new HttpClient { BaseAddress = Stack.Api.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-API-Key", key);
        return http;
    }

    /// <summary>Submits a container job running <paramref name="script"/> under sh; its id.</summary>
    public async Task<Guid> Submit(string key, string type, string script)
    {
        using var http = Client(key);
        var response = await http.PostAsJsonAsync("/api/v1/jobs", new
        {
            type,
            kind = "container",
            image = Image,
            entrypoint = new[] { "sh", "-c" },
            cmd = new[] { script },
            priority = "foreground",
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return Guid.Parse((string)JsonNode.Parse(body)!["id"]!);
    }

    public async Task<JsonNode> WaitForStatus(string key, Guid id, params string[] statuses)
    {
        using var http = Client(key);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var job = JsonNode.Parse(await http.GetStringAsync($"/api/v1/jobs/{id}"))!;
            if (statuses.Contains((string?)job["status"]))
                return job;
            Assert.True(DateTime.UtcNow < deadline, $"job {id} stayed {(string?)job["status"]}");
            await Task.Delay(200);
        }
    }

    public Task Screenshot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
        await Stack.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
