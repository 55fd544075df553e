using Microsoft.Extensions.Configuration;
using Portal.Tests.Infrastructure;
using Portal.Transition;

namespace Portal.Tests.Transition;

/// <summary>The Transition section exactly as shipped in src/Portal/appsettings.json, so tests check the real configuration.</summary>
public static class TransitionTestOptions
{
    public static TransitionOptions Shipped(Action<TransitionOptions>? change = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepositoryPaths.Root, "src", "Portal", "appsettings.json"))
            .Build();
        var options = configuration.GetSection(TransitionOptions.Section).Get<TransitionOptions>()
            ?? throw new InvalidOperationException("appsettings.json mangler afsnittet Transition.");
        change?.Invoke(options);
        return options;
    }

    public static TransitionRules Rules(Action<TransitionOptions>? change = null) => new(Shipped(change));

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");
}
