"""What the live session says on the terminal, to the guest and to the host.

Each language jeudis speaks has its messages: the welcome and the hand-over, the
keys of each prompt, the review, the thanks. French's and English's are here,
German's, Spanish's, Italian's, Dutch's and Portuguese's in
:mod:`jeudis.prompter_languages`. A message that differs with the form of address
has one wording for ``tu`` and one for ``vous``, the familiar and the polite one
in any language ("du" and "Sie" in German: :data:`ADDRESS`), and agrees with the
guest's gender where it must ("Prêt{|e} ?", "¿List{o|a}?"). A count's noun
agrees with it: "question{plural}" adds an s, "{plural:Frage|Fragen}" names both
forms (:class:`jeudis.wording.Plural`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from jeudis.prompter_languages import MORE_MESSAGES
from jeudis.wording import WordingContext, render

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    "fr": {
        "host_title": "Partie de l’hôte",
        "host_body": "Quelques informations sur {guest} avant de lui passer le clavier.",
        "welcome": "Bienvenue, {guest} !",
        "handover": {
            "tu": "C’est à toi : {total} question{plural}. Chaque réponse est enregistrée dès qu’elle est donnée.",
            "vous": "C’est à vous : {total} question{plural}. Chaque réponse est enregistrée dès qu’elle est donnée.",
        },
        "handover_open": {
            "tu": "C’est à toi : {host} pose les questions au fil de la conversation. Chaque réponse est enregistrée dès qu’elle est donnée.",
            "vous": "C’est à vous : {host} pose les questions au fil de la conversation. Chaque réponse est enregistrée dès qu’elle est donnée.",
        },
        "keys_line": "Entrée : valider · Page↑ ou Maj-Tab : question précédente · Ctrl-C : pause (tout est gardé)",
        "keys_long": {
            "tu": "Réponse longue : Entrée pour un nouveau paragraphe, Échap puis Entrée pour terminer, Ctrl-X Ctrl-E pour ouvrir ton éditeur",
            "vous": "Réponse longue : Entrée pour un nouveau paragraphe, Échap puis Entrée pour terminer, Ctrl-X Ctrl-E pour ouvrir votre éditeur",
        },
        "resumed": "On reprend où l’on s’était arrêté : {done} réponse{plural} déjà enregistrée{plural}.",
        "resumed_followups": "On reprend où l’on s’était arrêté : {done} réponses déjà enregistrées, {followups}.",
        "followups_one": "dont 1 à une relance",
        "followups_many": "dont {followups} aux relances",
        "photo_copied": "Photo copiée dans la série : {path}",
        "photo_missing": "Pas de fichier à ce chemin pour l’instant : {path} (jeudis check le rappellera)",
        "keys_optional": "Question facultative : laisser vide pour passer",
        "ready": {
            "tu": "Prêt{|e} ? Appuie sur Entrée pour commencer.",
            "vous": "Prêt{|e} ? Appuyez sur Entrée pour commencer.",
        },
        "ready_again": {
            "tu": "Prêt{|e} ? Appuie sur Entrée pour reprendre.",
            "vous": "Prêt{|e} ? Appuyez sur Entrée pour reprendre.",
        },
        "finish_long": "Entrée : nouveau paragraphe · Échap puis Entrée : terminer",
        "finish_long_edit": "Entrée : nouveau paragraphe · Échap puis Entrée : enregistrer",
        "keys_select": "↑↓ puis Entrée",
        "keys_select_initial": "↑↓ ou l’initiale d’un choix, puis Entrée",
        "keys_yesno": "{keys} ou ↑↓, puis Entrée",
        "keys_checkbox": "↑↓, Espace pour cocher, Entrée pour valider",
        # The toolbar under each prompt. Where the terminal is narrow, a key's wording
        # is cut at the comma of what it does, then is its "_short" one, then its
        # "_shorter" one (Page↑ alone, Maj-Tab left unsaid); its "_tight" one, the
        # fewest words, is said only where Page↑ would find no room otherwise.
        "toolbar_next": "Entrée : valider",
        "toolbar_next_tight": "Entrée OK",
        "toolbar_choose": "Entrée : valider",  # on the review's list
        "toolbar_choose_tight": "Entrée OK",
        "toolbar_finish": "Échap Entrée : terminer",
        "toolbar_finish_tight": "Échap Entrée terminer",
        "toolbar_save": "Entrée : enregistrer",
        "toolbar_save_long": "Échap Entrée : enregistrer",
        "toolbar_back": "Page↑ ou Maj-Tab : question précédente",
        "toolbar_back_short": "Page↑ ou Maj-Tab : précédente",
        "toolbar_back_shorter": "Page↑ : précédente",
        "toolbar_back_tight": "Page↑ préc.",
        "toolbar_back_review": "Page↑ ou Maj-Tab : retour à la relecture, sans changement",
        "toolbar_back_review_short": "Page↑ ou Maj-Tab : relecture",
        "toolbar_back_review_shorter": "Page↑ : relecture",
        "toolbar_back_review_tight": "Page↑ liste",  # to the list of answers: no room for more
        "toolbar_editor": "Ctrl-X Ctrl-E : éditeur",
        "toolbar_followup": "Ctrl-F : relance",
        "toolbar_pause": "Ctrl-C : pause",
        "toolbar_pause_tight": "Ctrl-C pause",
        "toolbar_cancel": "Ctrl-C, Page↑ ou Maj-Tab : annuler, rien n’est changé",
        "toolbar_cancel_short": "Ctrl-C ou Page↑ : annuler",
        "toolbar_quit": "Ctrl-C : quitter",
        "toolbar_drop": "Ctrl-C : annuler",
        "keys_followup": "Ctrl-F (l’hôte) : valider la réponse puis ajouter une question de relance",
        "followup_title": "Relance",
        "followup_ask": "Question de relance (Entrée sur une ligne vide : pas de relance)",
        "open_title": "Question suivante",
        "open_ask": "Écrivez la question (Entrée sur une ligne vide : terminer l’interview)",
        "optional": "Facultatif : laisser vide pour passer",
        "dropped": "Question retirée du questionnaire, réponse gardée",
        "dropped_empty": "Question retirée du questionnaire, réponse gardée : laisser vide pour l’enlever",
        "review_title": "Relecture",
        "question_col": "Question",
        "answer_col": "Réponse",
        "review_done": "✔ Tout est bon, terminer",
        "review_change": "Modifier une réponse ?",
        "skipped": "(passée)",
        "review_more": "(la suite : choisir la question ci-dessous)",
        "unsaved": "Attention : ce texte n’a pas pu être enregistré (le disque le refuse). À signaler à l’hôte.",
        "unedited": "L’éditeur n’a rien rendu : la réponse est inchangée.",
        "paused": "En pause : {done} réponse{plural} enregistrée{plural}. On reprendra où l’on s’est arrêté.",
        "paused_none": "En pause. On reprendra où l’on s’est arrêté.",
        "paused_too_large": "Texte en cours trop long : l’entretien dépasserait 10 Mo. Seule sa dernière version plus courte est gardée.",
        "paused_too_large_none": "Texte en cours trop long : l’entretien dépasserait 10 Mo. Il n’est pas gardé.",
        "thanks": "Merci, {guest} !",
        "thanks_body": {
            "tu": "L’interview est complète. Tu peux rendre le clavier à {host}.",
            "vous": "L’interview est complète. Vous pouvez rendre le clavier à {host}.",
        },
        "your_host": {"tu": "ton hôte", "vous": "votre hôte"},
    },
    "en": {
        "host_title": "Host’s part",
        "host_body": "A few details about {guest} before handing over the keyboard.",
        "welcome": "Welcome, {guest}!",
        "handover": "Over to you: {total} question{plural}. Each answer is saved as soon as you give it.",
        "handover_open": "Over to you: {host} asks the questions as the conversation goes. Each answer is saved as soon as you give it.",
        "keys_line": "Enter: next · PgUp or Shift-Tab: previous question · Ctrl-C: pause (everything is kept)",
        "keys_long": "Long answers: Enter for a new paragraph, Esc then Enter to finish, Ctrl-X Ctrl-E for your editor",
        "resumed": "Picking up where we left off: {done} answer{plural} already saved.",
        "resumed_followups": "Picking up where we left off: {done} answers already saved, {followups}.",
        "followups_one": "1 of them to a follow-up",
        "followups_many": "{followups} of them to follow-ups",
        "photo_copied": "Photo copied into the series: {path}",
        "photo_missing": "No file at that path yet: {path} (jeudis check will remind you)",
        "keys_optional": "Optional question: leave empty to skip",
        "ready": "Ready? Press Enter to start.",
        "ready_again": "Ready? Press Enter to continue.",
        "finish_long": "Enter: new paragraph · Esc then Enter: finish",
        "finish_long_edit": "Enter: new paragraph · Esc then Enter: save",
        "keys_select": "↑↓ then Enter",
        "keys_select_initial": "↑↓ or a choice’s first letter, then Enter",
        "keys_yesno": "{keys} or ↑↓, then Enter",
        "keys_checkbox": "↑↓, Space to tick, Enter to confirm",
        "toolbar_next": "Enter: next",
        "toolbar_next_tight": "Enter: OK",
        "toolbar_choose": "Enter: choose",
        "toolbar_choose_tight": "Enter: OK",
        "toolbar_finish": "Esc Enter: finish",
        "toolbar_save": "Enter: save",
        "toolbar_save_long": "Esc Enter: save",
        "toolbar_back": "PgUp or Shift-Tab: previous question",
        "toolbar_back_short": "PgUp or Shift-Tab: previous",
        "toolbar_back_shorter": "PgUp: previous",
        "toolbar_back_tight": "PgUp: back",
        "toolbar_back_review": "PgUp or Shift-Tab: back to the review, unchanged",
        "toolbar_back_review_short": "PgUp or Shift-Tab: review",
        "toolbar_back_review_shorter": "PgUp: review",
        "toolbar_back_review_tight": "PgUp: back",
        "toolbar_editor": "Ctrl-X Ctrl-E: editor",
        "toolbar_followup": "Ctrl-F: follow-up",
        "toolbar_pause": "Ctrl-C: pause",
        "toolbar_cancel": "Ctrl-C, PgUp or Shift-Tab: cancel, nothing changes",
        "toolbar_cancel_short": "Ctrl-C or PgUp: cancel",
        "toolbar_quit": "Ctrl-C: quit",
        "toolbar_drop": "Ctrl-C: cancel",
        "keys_followup": "Ctrl-F (the host): accept the answer, then add a follow-up question",
        "followup_title": "Follow-up",
        "followup_ask": "Follow-up question (Enter on an empty line: none)",
        "open_title": "Next question",
        "open_ask": "Write the question (Enter on an empty line: end the interview)",
        "optional": "Optional, empty to skip",
        "dropped": "No longer in the questionnaire, answer kept",
        "dropped_empty": "No longer in the questionnaire, answer kept: empty to remove it",
        "review_title": "Review",
        "question_col": "Question",
        "answer_col": "Answer",
        "review_done": "✔ All good, finish",
        "review_change": "Change an answer?",
        "skipped": "(skipped)",
        "review_more": "(more: pick the question below)",
        "unsaved": "Warning: this text could not be saved (the disk refuses it). Tell the host.",
        "unedited": "The editor gave nothing back: the answer is unchanged.",
        "paused": "Paused: {done} answer{plural} saved. We’ll pick up where we left off.",
        "paused_none": "Paused. We’ll pick up where we left off.",
        "paused_too_large": "The text being typed is too long: the interview would be over 10 MB. Only its last shorter version is kept.",
        "paused_too_large_none": "The text being typed is too long: the interview would be over 10 MB. It is not kept.",
        "thanks": "Thank you, {guest}!",
        "thanks_body": "The interview is complete. You can hand the keyboard back to {host}.",
        "your_host": "your host",
    },
}

MESSAGES |= MORE_MESSAGES

# The forms of address a questionnaire names (its ``registers``), as the messages'
# familiar ``tu`` or polite ``vous``: as the starters of ``jeudis init`` name them.
ADDRESS = {
    "du": "tu",
    "sie": "vous",
    "tú": "tu",
    "usted": "vous",
    "lei": "vous",
    "je": "tu",
    "jij": "tu",
    "u": "vous",
    "você": "vous",
    "voce": "vous",
}

# A count's two forms, "{plural:Frage|Fragen}": str.format fills it, the count known.
_COUNTED = re.compile(r"\{plural:[^{}]*\}")


def worded(
    messages: Mapping[str, str | dict[str, str]], register: str, gender: str | None
) -> dict[str, str]:
    """``messages`` (one language's, of :data:`MESSAGES`) for a guest: form of address
    (``register``) chosen, ``gender`` agreed."""
    # Leave the placeholders filled by str.format in place.
    kept = {
        name: "{" + name + "}"
        for name in ("total", "guest", "host", "done", "followups", "path", "plural", "keys")
    }
    context = WordingContext(gender=gender, names=kept)
    address = ADDRESS.get(register.casefold(), register)
    result = {}
    for key, value in messages.items():
        if isinstance(value, dict):
            value = value.get(address, next(iter(value.values())))
        pieces = _COUNTED.split(value)
        counts = [*_COUNTED.findall(value), ""]
        result[key] = "".join(
            render(piece, context) + count for piece, count in zip(pieces, counts, strict=True)
        )
    return result
