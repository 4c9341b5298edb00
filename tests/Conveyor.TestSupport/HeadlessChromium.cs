using System.Diagnostics;

namespace Conveyor.TestSupport;

/// <summary>
/// Debian's Chromium, headless, for pages that only exist once their scripts ran. It gets no network beyond what the
/// page itself asks of the loopback server: background fetches, updates and sync are off.
/// </summary>
public static class HeadlessChromium
{
    public const string Binary = "/usr/bin/chromium";

    /// <summary>The page's DOM after its scripts had <paramref name="scriptTime"/> of virtual time to render.</summary>
    public static async Task<string> RenderedDom(Uri page, TimeSpan scriptTime)
    {
        if (!File.Exists(Binary))
            throw new InvalidOperationException($"{Binary} is missing: infra/scripts/test.sh installs Debian's chromium package");
        var profile = Directory.CreateTempSubdirectory("conveyor-chromium-");
        try
        {
            var start = new ProcessStartInfo(Binary)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                ArgumentList =
                {
                    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-default-apps", $"--user-data-dir={profile.FullName}",
                    $"--virtual-time-budget={(int)scriptTime.TotalMilliseconds}", "--dump-dom", page.ToString(),
                },
            };
            using var chromium = Process.Start(start)!;
            var dom = chromium.StandardOutput.ReadToEndAsync();
            var errors = chromium.StandardError.ReadToEndAsync();
            using var limit = new CancellationTokenSource(scriptTime + TimeSpan.FromSeconds(60));
            try
            {
                await chromium.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                chromium.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium did not finish rendering {page}: {await errors}");
            }
            return await dom;
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
