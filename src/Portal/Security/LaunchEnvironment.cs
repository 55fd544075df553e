namespace Portal.Security;

/// <summary>
/// `dotnet run` applies the launch profile's variables over the caller's, so a profile that set ASPNETCORE_ENVIRONMENT
/// made `ASPNETCORE_ENVIRONMENT=Production dotnet run` start in Development. The profile now sets only
/// PORTAL_LAUNCH_ENVIRONMENT, a default that applies when the caller chose no environment.
/// </summary>
public static class LaunchEnvironment
{
    public const string Variable = "PORTAL_LAUNCH_ENVIRONMENT";

    public static WebApplicationOptions Options(string[] args, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var chosen = environment("ASPNETCORE_ENVIRONMENT") ?? environment("DOTNET_ENVIRONMENT");
        var chosenOnCommandLine = args.Any(a => a.StartsWith("--environment", StringComparison.OrdinalIgnoreCase));
        return new WebApplicationOptions
        {
            Args = args,
            EnvironmentName = chosen is null && !chosenOnCommandLine ? environment(Variable) : null,
        };
    }
}
