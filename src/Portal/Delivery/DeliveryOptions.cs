namespace Portal.Delivery;

/// <summary>Final PDF, Digital Post and journalising (configuration section "Delivery").</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    public PdfOptions Pdf { get; set; } = new();

    /// <summary>The municipality's CVR number: MeMo's Sender.</summary>
    public string SenderCvr { get; set; } = "00000000";

    /// <summary>The sender's name as the citizen sees it in Digital Post.</summary>
    public string SenderLabel { get; set; } = "Kommunen";

    /// <summary>The case system named in MeMo's CaseID.</summary>
    public string CaseSystem { get; set; } = "SBSYS";

    public DestinationOptions DigitalPost { get; set; } = new() { Adapter = "fil", Folder = "data/digital-post" };

    public DestinationOptions Journal { get; set; } = new() { Adapter = "fil", Folder = "data/journal" };

    public OutboxOptions Outbox { get; set; } = new();
}

public sealed class PdfOptions
{
    /// <summary>False turns final PDFs (and sending) off; the letter page then says so.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Start LibreOffice when the portal starts, so the first letter does not wait for it.</summary>
    public bool StartAtLaunch { get; set; } = true;

    /// <summary>
    /// Seconds after the portal answers before LibreOffice is started: its start takes seconds of CPU, and on a
    /// restart the first pages come first. A letter asked for earlier starts it at once.
    /// </summary>
    public int StartDelaySeconds { get; set; } = 15;

    /// <summary>soffice; empty finds it in PATH or /usr/lib/libreoffice/program.</summary>
    public string Soffice { get; set; } = "";

    /// <summary>A Python 3 with the uno module (Debian's python3-uno lives beside /usr/bin/python3).</summary>
    public string Python { get; set; } = "/usr/bin/python3";

    /// <summary>Loopback port LibreOffice listens on; 0 picks a free one.</summary>
    public int Port { get; set; }

    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>Where one kind of delivery goes: "fil" (a folder) or the HTTP adapter (sf1601 / rest).</summary>
public sealed class DestinationOptions
{
    public string Adapter { get; set; } = "fil";
    public string Folder { get; set; } = "";
    public string Url { get; set; } = "";
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Client certificate (PKCS#12) for Serviceplatformen; empty sends without one.</summary>
    public string CertificatePath { get; set; } = "";
    public string CertificatePassword { get; set; } = "";
}

public sealed class OutboxOptions
{
    public int MaxAttempts { get; set; } = 8;
    public double FirstRetrySeconds { get; set; } = 5;
    public double MaxRetrySeconds { get; set; } = 3600;
    public double PollSeconds { get; set; } = 2;

    /// <summary>Days the PDF is kept after delivery; 0 deletes it at once (the default).</summary>
    public int PdfRetentionDays { get; set; }
}
