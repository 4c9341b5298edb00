using Conveyor.TestSupport;
using Microsoft.Playwright;

namespace Conveyor.Dashboard.Tests;

/// <summary>The dashboard in a real browser: live rows, a job's output, the stop button, confinement to one's own jobs, the keyboard.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardBrowserTests(DashboardFixture fixture)
{
    static readonly float Patience = 60_000;

    [Fact]
    public async Task Should_show_a_submitted_job_reach_completed_without_a_reload_and_then_its_output()
    {
        var page = await fixture.SignedIn(DashboardFixture.AdminKey);
        await page.EvaluateAsync("window.notReloaded = true");

        var id = await fixture.Submit(DashboardFixture.AdminKey, "dashboard-live", "echo hello from the dashboard; sleep 1");
        var row = page.Locator($"tr[data-job-id='{id}']");
        await Assertions.Expect(row.Locator("[data-field=status]")).ToHaveTextAsync("completed", new() { Timeout = Patience });

        Assert.True(await page.EvaluateAsync<bool>("window.notReloaded === true"));
        await Assertions.Expect(page.Locator("#queues ~ table a", new() { HasText = "execute-job-cpu in RabbitMQ" })).ToHaveCountAsync(1);
        await fixture.Screenshot(page, "overview");
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.Locator("#stdout")).ToHaveTextAsync("hello from the dashboard\n");
        await Assertions.Expect(page.Locator("[data-job-detail] [data-field=status]").First).ToHaveTextAsync("completed");
        await fixture.Screenshot(page, "job-detail");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Should_stop_a_running_job_with_its_button_and_leave_no_container()
    {
        var id = await fixture.Submit(DashboardFixture.AdminKey, "dashboard-stop", "echo started; sleep 300");
        await fixture.WaitForStatus(DashboardFixture.AdminKey, id, "running");
        var page = await fixture.SignedIn(DashboardFixture.AdminKey);
        await page.GotoAsync($"/dashboard/jobs/{id}");

        await Assertions.Expect(page.Locator("#stdout")).ToContainTextAsync("started", new() { Timeout = Patience });
        await page.GetByRole(AriaRole.Button, new() { Name = "Stop" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-job-detail] [data-field=status]").First).ToHaveTextAsync("cancelled", new() { Timeout = Patience });
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Stop" })).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("ol.timeline li").First).ToContainTextAsync("Attempt 1 cancelled");
        Assert.Empty(await LocalDocker.ContainersLabelled($"conveyor.job={id}", runningOnly: true));
        await fixture.Screenshot(page, "job-stopped");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Should_show_a_client_only_its_own_jobs_and_an_admin_all_of_them()
    {
        var alices = await fixture.Submit(DashboardFixture.AliceKey, "dashboard-alice", "true");
        var bobs = await fixture.Submit(DashboardFixture.BobKey, "dashboard-bob", "true");
        var alice = await fixture.SignedIn(DashboardFixture.AliceKey);
        var admin = await fixture.SignedIn(DashboardFixture.AdminKey);

        await alice.GotoAsync("/dashboard/jobs");
        await admin.GotoAsync("/dashboard/jobs");

        await Assertions.Expect(alice.Locator($"tr[data-job-id='{alices}']")).ToHaveCountAsync(1);
        await Assertions.Expect(alice.Locator($"tr[data-job-id='{bobs}']")).ToHaveCountAsync(0);
        Assert.Equal(404, (await alice.GotoAsync($"/dashboard/jobs/{bobs}"))!.Status);
        await Assertions.Expect(admin.Locator($"tr[data-job-id='{bobs}']")).ToHaveCountAsync(1);
        await Assertions.Expect(admin.Locator($"tr[data-job-id='{alices}']")).ToHaveCountAsync(1);
        await fixture.Screenshot(admin, "jobs");
        await alice.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task Should_group_failed_jobs_by_reason_and_retry_one_from_its_group()
    {
        var failed = await fixture.Submit(DashboardFixture.AdminKey, "dashboard-fails", "echo broken >&2; exit 7");
        await fixture.WaitForStatus(DashboardFixture.AdminKey, failed, "failed");
        var page = await fixture.SignedIn(DashboardFixture.AdminKey);
        await page.GotoAsync("/dashboard/failed?type=dashboard-fails");

        var group = page.Locator("section.failure", new() { HasText = "exited with code 7" });
        await Assertions.Expect(group).ToHaveCountAsync(1);
        await fixture.Screenshot(page, "failed");
        await group.GetByRole(AriaRole.Button, new() { Name = $"Retry job {failed}" }).ClickAsync();

        await Assertions.Expect(page.Locator("#flash")).ToContainTextAsync("Retried as a new job", new() { Timeout = Patience });
        var retryId = Guid.Parse(await page.Locator("#flash a").InnerTextAsync());
        var retried = await fixture.WaitForStatus(DashboardFixture.AdminKey, retryId, "failed");
        Assert.Equal("dashboard-fails", (string?)retried["type"]);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Should_list_the_executor_with_its_slots_and_heartbeat()
    {
        var page = await fixture.SignedIn(DashboardFixture.AdminKey);
        await page.GotoAsync("/dashboard/executors");

        var rows = page.Locator("table.executors tbody tr[data-executor-id]");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("active");
        await Assertions.Expect(rows.First.Locator("time")).ToHaveCountAsync(1);
        await fixture.Screenshot(page, "executors");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/dashboard/")]
    [InlineData("/dashboard/jobs")]
    [InlineData("/dashboard/failed")]
    [InlineData("/dashboard/executors")]
    [InlineData("job")]
    public async Task Should_reach_every_link_field_and_button_with_the_keyboard_alone(string path)
    {
        if (path == "job")
        {
            var id = await fixture.Submit(DashboardFixture.AdminKey, "dashboard-keyboard", "sleep 300");
            await fixture.WaitForStatus(DashboardFixture.AdminKey, id, "running");
            path = $"/dashboard/jobs/{id}";
        }
        var page = await fixture.SignedIn(DashboardFixture.AdminKey);
        await page.GotoAsync(path);
        var actions = await page.EvaluateAsync<int>(
            "document.querySelectorAll('a[href], button:not([disabled]), input:not([type=hidden]), select, pre[tabindex], summary').length");
        var visible = await page.EvaluateAsync<int>(
            "[...document.querySelectorAll('a[href], button:not([disabled]), input:not([type=hidden]), select, pre[tabindex], summary')].filter(e => e.offsetParent !== null || e.tagName === 'SUMMARY').length");

        var reached = new HashSet<string>();
        for (var i = 0; i < actions + 5; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached.Add(await page.EvaluateAsync<string>(
                "(() => { const e = document.activeElement; if (!e || e === document.body) return ''; e.dataset.reached = '1'; return e.outerHTML.slice(0, 120) + '#' + [...document.querySelectorAll('*')].indexOf(e); })()"));
        }
        var missed = await page.EvaluateAsync<string[]>(
            "[...document.querySelectorAll('a[href], button:not([disabled]), input:not([type=hidden]), select, pre[tabindex], summary')].filter(e => (e.offsetParent !== null || e.tagName === 'SUMMARY') && !e.dataset.reached).map(e => e.outerHTML.slice(0, 100))");

        Assert.True(visible > 3, $"{path} has only {visible} actions");
        Assert.Empty(missed);
        if (path.StartsWith("/dashboard/jobs/", StringComparison.Ordinal))
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Stop" }).FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator("[data-job-detail] [data-field=status]").First).ToHaveTextAsync("cancelled", new() { Timeout = Patience });
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Should_refuse_an_unknown_key_and_an_executors_key_at_sign_in()
    {
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = fixture.Stack.Api.BaseAddress!.ToString() });
        foreach (var key in new[] { "not-a-key", DashboardFixture.ExecutorKey })
        {
            await page.GotoAsync("/dashboard/jobs");
            await page.GetByLabel("API key").FillAsync(key);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not known");
        }
        var jobs = await page.GotoAsync("/dashboard/jobs");
        Assert.EndsWith("/dashboard/login?return=%2Fdashboard%2Fjobs", page.Url);
        Assert.Equal(200, jobs!.Status);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Should_show_the_job_list_without_javascript_and_on_a_narrow_screen()
    {
        var id = await fixture.Submit(DashboardFixture.AdminKey, "dashboard-nojs", "true");
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.Stack.Api.BaseAddress!.ToString(),
            JavaScriptEnabled = false,
            ViewportSize = new ViewportSize { Width = 375, Height = 800 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/dashboard/jobs");
        await page.GetByLabel("API key").FillAsync(DashboardFixture.AdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/dashboard/jobs");
        await page.GotoAsync("/dashboard/jobs?type=dashboard-nojs");

        await Assertions.Expect(page.Locator($"tr[data-job-id='{id}']")).ToHaveCountAsync(1);
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the job list is wider than a narrow screen");
        await fixture.Screenshot(page, "jobs-narrow-no-script");
        await context.CloseAsync();
    }
}
