using System.Globalization;
using Engagement.Development.Storage;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Engagement.EndToEndTests.Support;

/// <summary>Debian's headless Chromium driven by its chromedriver, with a fresh profile; nothing is downloaded.</summary>
internal sealed class Browser : IDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string DriverPath = "/usr/bin/chromedriver";
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);

    private readonly DirectoryInfo _profile;

    private Browser(ChromeDriver driver, DirectoryInfo profile, string baseUrl)
    {
        Driver = driver;
        _profile = profile;
        BaseUrl = baseUrl;
    }

    public ChromeDriver Driver { get; }

    public string BaseUrl { get; }

    /// <summary>Starts Chromium at laptop width; fails, saying how to install them, when Chromium or its driver is missing.</summary>
    public static Browser Start(string baseUrl)
    {
        if (!File.Exists(ChromiumPath) || !File.Exists(DriverPath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Debian's Chromium and chromedriver at {ChromiumPath} and {DriverPath}: install them with "
                + "`apt-get install -y chromium chromium-driver` (.ci/run does).");
        }
        var profile = Directory.CreateTempSubdirectory("workbench-chromium-");
        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            $"--user-data-dir={profile.FullName}", "--window-size=1280,900");
        // The driver's path is given, so Selenium Manager never runs and never downloads anything.
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        try
        {
            return new Browser(new ChromeDriver(service, options, TimeSpan.FromSeconds(60)), profile, baseUrl);
        }
        catch
        {
            profile.Delete(recursive: true);
            throw;
        }
    }

    /// <summary>Opens a page of the engine, such as <c>/#/inbox</c>.</summary>
    public void Open(string path) => Driver.Navigate().GoToUrl(BaseUrl + path);

    /// <summary>Signs in through the development form as <paramref name="role"/> (and advisor), then waits for the page.</summary>
    public void SignIn(string role, string? advisorId = null)
    {
        Open("/");
        var select = Until(d => d.FindElements(By.Id("signin-role")).FirstOrDefault(), TimeSpan.FromSeconds(15), "the sign-in form");
        select.FindElement(By.CssSelector($"option[value='{role}']")).Click();
        if (advisorId is not null)
        {
            Driver.FindElement(By.Id("signin-advisor")).SendKeys(advisorId);
        }
        Driver.FindElement(By.Id("signin-get-token")).Click();
        Until(d => d.FindElements(By.Id("who")).FirstOrDefault(), TimeSpan.FromSeconds(15), "the signed-in page");
    }

    /// <summary>Waits for the inbox to follow its live stream.</summary>
    public void WaitUntilLive() =>
        Until(d => d.FindElements(By.CssSelector(".live[data-state='live']")).FirstOrDefault(), TimeSpan.FromSeconds(15), "the live stream");

    /// <summary>Polls until <paramref name="probe"/> answers something (not null, not false), or fails at the deadline.</summary>
    public T Until<T>(Func<IWebDriver, T?> probe, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                if (probe(Driver) is { } found && found is not false)
                {
                    return found;
                }
            }
            catch (StaleElementReferenceException)
            {
                // The page re-rendered under the probe: look again.
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0.#} s for {what}; the page read: {Driver.FindElement(By.TagName("body")).Text}");
            }
            Thread.Sleep(Poll);
        }
    }

    /// <summary>The card of a trigger in the live inbox list, or null.</summary>
    public IWebElement? LiveCard(Func<IWebElement, bool> which) =>
        Driver.FindElements(By.CssSelector("#inbox-list article.card")).FirstOrDefault(which);

    /// <summary>Saves a screenshot as <paramref name="name"/>.png, at <paramref name="width"/> pixels wide, in the test
    /// output's screenshots folder, or in docs/screenshots when <c>UPDATE_SCREENSHOTS=1</c>.</summary>
    public void Screenshot(string name, int width = 1280)
    {
        // The whole page at that width (capped), as the browser lays it out for a screen of that size.
        Metrics(width, 900);
        var height = Convert.ToInt32(Driver.ExecuteScript("return document.documentElement.scrollHeight"), CultureInfo.InvariantCulture);
        Metrics(width, Math.Clamp(height, 600, 2400));
        var folder = Directory.CreateDirectory(ScreenshotFolder());
        Driver.GetScreenshot().SaveAsFile(Path.Combine(folder.FullName, $"{name}.png"));
        Driver.ExecuteCdpCommand("Emulation.clearDeviceMetricsOverride", []);
    }

    // A test run leaves the working tree as it found it: the docs' pictures change only when someone asks for new ones.
    private static string ScreenshotFolder() =>
        Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(AzuriteProcess.FindRepositoryRoot(), "docs", "screenshots")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");

    private void Metrics(int width, int height) =>
        Driver.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride",
            new Dictionary<string, object?> { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false });

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        _profile.Delete(recursive: true);
    }
}
