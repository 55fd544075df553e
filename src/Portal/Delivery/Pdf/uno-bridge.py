#!/usr/bin/python3
"""Keeps one LibreOffice warm and converts DOCX to tagged PDF/A-2b for the portal.

Started once by the portal (PdfConverter). It starts soffice listening on a loopback port, connects over UNO
and then reads one JSON request per line on stdin: {"in": docx path, "out": pdf path, "keywords": text,
"subject": text}. It answers one JSON line on stdout: {"ok": true} or {"ok": false, "error": text}.
When stdin closes (the portal stopped or was killed) it stops soffice, so no office process is left behind.
"""
import json
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def answer(payload):
    sys.stdout.write(json.dumps(payload) + "\n")
    sys.stdout.flush()


def start_office(soffice, port, profile):
    args = [soffice, "--headless", "--invisible", "--nologo", "--norestore", "--nodefault", "--nolockcheck",
            "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
            "--accept=socket,host=127.0.0.1,port=%d;urp;StarOffice.ComponentContext" % port]
    return subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def connect(port, office, seconds):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + seconds
    while True:
        try:
            ctx = resolver.resolve("uno:socket,host=127.0.0.1,port=%d;urp;StarOffice.ComponentContext" % port)
            return ctx, ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except NoConnectException:
            if office.poll() is not None or time.time() > deadline:
                raise
            time.sleep(0.1)


def office_version(ctx):
    try:
        config = ctx.ServiceManager.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", ctx)
        access = config.createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess",
                                                    (prop("nodepath", "/org.openoffice.Setup/Product"),))
        return "%s %s" % (access.ooName, access.ooSetupVersionAboutBox)
    except Exception:  # noqa: BLE001 - the version is informative only
        return "LibreOffice"


def convert(desktop, request):
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(request["in"]), "_blank", 0,
                                       (prop("Hidden", True), prop("ReadOnly", False)))
    try:
        info = doc.getDocumentProperties()
        # The render manifest goes to the XMP as pdf:Keywords; the subject names the template.
        info.Keywords = tuple([request.get("keywords", "")])
        info.Subject = request.get("subject", "")
        filter_data = uno.Any("[]com.sun.star.beans.PropertyValue", tuple([
            prop("SelectPdfVersion", 2),
            prop("UseTaggedPDF", True),
            prop("ExportFormFields", False),
            prop("ExportBookmarks", True),
        ]))
        uno.invoke(doc, "storeToURL", (uno.systemPathToFileUrl(request["out"]),
                                       (prop("FilterName", "writer_pdf_Export"), prop("FilterData", filter_data))))
    finally:
        doc.close(True)


def main():
    soffice, port, profile = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    office = start_office(soffice, port, profile)
    try:
        try:
            ctx, desktop = connect(port, office, 60)
        except Exception as ex:  # noqa: BLE001 - any start failure is reported to the portal as one line
            answer({"ok": False, "error": "start: %s" % ex})
            return
        answer({"ok": True, "ready": True, "version": office_version(ctx)})
        for line in sys.stdin:
            if not line.strip():
                continue
            try:
                convert(desktop, json.loads(line))
                answer({"ok": True})
            except Exception as ex:  # noqa: BLE001
                answer({"ok": False, "error": str(ex)})
    finally:
        try:
            office.terminate()
            office.wait(10)
        except Exception:  # noqa: BLE001
            office.kill()


if __name__ == "__main__":
    main()
