"""`claimdesk export` and `claimdesk bundle`: reports and case bundles from the command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from claimdesk.cli_args import NewDesk, one_line, refuse_the_desk
from claimdesk.errors import KnownError


def say_waiting(message: str) -> None:
    """Tell the user we wait for another ClaimDesk's write (never a 'locked' traceback)."""
    print(f"claimdesk: {message}", file=sys.stderr, flush=True)


def _write_output(output: str, payload: str | bytes) -> None:
    data = payload.encode("utf-8", "replace") if isinstance(payload, str) else payload
    if output == "-":
        stream = getattr(sys.stdout, "buffer", None)
        if stream is None:
            sys.stdout.write(data.decode("utf-8"))
        else:
            sys.stdout.flush()
            stream.write(data)
            stream.flush()
        return
    from claimdesk.reports.output import write_atomic

    write_atomic(output, data)


def cmd_export(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from claimdesk.app import build_services
    from claimdesk.reports.export import FORMATS, ExportOptions

    if FORMATS[args.format].renderer is None:  # PDF: laid out by Qt, which the core lacks
        from claimdesk.gui.report_pdf import register_pdf

        register_pdf()
    fmt = FORMATS[args.format]
    if args.output == "-" and fmt.binary:
        raise KnownError(f"{fmt.label} is binary: give a file name with -o instead of '-'.")
    refuse_the_desk(args.output, args.db, args.data_dir)
    services = build_services(args.db, args.data_dir, create=False)
    try:
        data = services.reporting.build(
            args.articles,
            checked_from=args.checked_from,
            checked_to=args.checked_to,
            all_claims=args.all_claims,
            title=args.title,
        )
    finally:
        services.close()
    org = data.organisation
    data = replace(
        data,
        organisation=replace(
            org,
            name=org.name if args.org_name is None else args.org_name,
            url=org.url if args.org_url is None else args.org_url,
        ),
    )
    if args.copy_attachments:
        if args.format != "html" or args.output == "-":
            raise KnownError("--copy-attachments goes with --format html and a file name (-o).")
        services = build_services(args.db, args.data_dir, create=False)
        try:
            # The copies go again if the report itself cannot be written.
            with services.reporting.attachments_copied(data, args.output) as links:
                options = ExportOptions(
                    csv_bom=args.bom, review_url=args.review_url, attachment_links=links
                )
                _write_output(args.output, fmt.render(data, options))
        finally:
            services.close()
    else:
        options = ExportOptions(csv_bom=args.bom, review_url=args.review_url)
        _write_output(args.output, fmt.render(data, options))
    if args.output != "-":
        print(
            f"{one_line(args.output)}\t{len(data.claims)} claims in {len(data.articles)} articles"
        )
    return 0


def cmd_bundle(args: argparse.Namespace) -> int:
    from claimdesk.app import build_services

    if args.action == "export" and args.output == "-":
        raise KnownError("A bundle is binary: give a file name with -o instead of '-'.")
    if args.action == "export":
        refuse_the_desk(args.output, args.db, args.data_dir)
    new_desk = NewDesk(args.db, args.data_dir) if args.action != "export" else None
    services = None
    try:
        # Inside the try: a desk stopped (Ctrl+C) while it opens goes again too.
        services = build_services(args.db, args.data_dir, create=args.action != "export")
        if args.action == "export":
            done = services.bundles.export(
                args.output, args.articles, with_library=args.with_library
            )
            carried = "" if done.factchecks is None else f", {done.factchecks} fact-checks"
            print(f"{one_line(args.output)}\t{done.articles} articles{carried}")
            if done.note:
                print(f"claimdesk: {one_line(done.note)}", file=sys.stderr)
        else:
            result = services.bundles.import_file(
                args.file, waiting=say_waiting, take_bundle=args.take_bundle
            )
            print(result.summary())
            _print_conflicts(result.kept, result.taken)
            new_desk = None  # the bundle went in: the desk stays
    finally:
        if services is not None:
            services.close()
        if new_desk is not None:  # a refused bundle leaves no new empty desk
            new_desk.take_back()
    return 0


def _print_conflicts(kept: Sequence[Any], taken: Sequence[Any]) -> None:
    """One block per conflict: the claim, then the work kept and the work set aside."""
    for heading, conflicts, first, second in (
        ("Kept local work", kept, "local", "bundle"),
        ("Took the bundle's work", taken, "bundle", "local"),
    ):
        if not conflicts:
            continue
        print(f"{heading} on {len(conflicts)} claim(s):")
        for c in conflicts:
            print(f"  claim {c.claim_id} in “{c.article_title}”: {' '.join(c.claim_text.split())}")
            print(f"    {first}: {getattr(c, first).describe(80)}")
            print(f"    {second}: {getattr(c, second).describe(80)}")
    if kept:
        print("Run again with --take-bundle to take the bundle's work on these claims.")
