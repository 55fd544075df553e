namespace Portal.Delivery;

/// <summary>The destinations a letter goes to; the names are stored data.</summary>
public static class Destinations
{
    public const string DigitalPost = "digital-post";
    public const string Journal = "journal";

    public static string Label(string destination) => destination == DigitalPost ? "Digital Post" : "Journalisering";
}

/// <summary>What an adapter delivers: the payload (MeMo XML or PDF) and the facts the receiver files it by.</summary>
public sealed record DeliveryItem(string IdempotencyKey, Guid LetterId, byte[] Payload, string FileName, string Label, string CaseNumber);

/// <summary>A delivery that failed; <see cref="Permanent"/> (e.g. 4xx) means retrying will not help. Message in Danish.</summary>
public sealed class DeliveryException(string message, bool permanent) : Exception(message)
{
    public bool Permanent { get; } = permanent;
}

/// <summary>One destination's transport ("fil", SF1601, REST). Delivering the same idempotency key twice must be harmless.</summary>
public interface IDeliveryAdapter
{
    string Destination { get; }

    /// <returns>The receiver's reference for the delivery.</returns>
    Task<string> DeliverAsync(DeliveryItem item, CancellationToken cancellationToken);
}
