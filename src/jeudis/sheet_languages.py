"""The answer sheet's own words in German, Spanish, Italian, Dutch and Portuguese.

The words of :data:`jeudis.sheet.TEXT`, key for key, as a native speaker writes
them to a guest: the polite form of address under the language's code ("de":
Sie, usted, Lei, u, você), the familiar one under "de-tu" (du, tú, tu, je, tu),
as :data:`jeudis.prompter_text.ADDRESS` pairs them and the guest's screen says
them (its words only where they differ from the polite form's). Like French's and English's, none needs the guest's gender: the
greetings and the instructions are worded to read the same to anyone ("Hola,
Nina:", "Beste Nina,"), the host's too ("Agradecemos", not "Obrigado"). Each
end line is the language's ("## ENDE", "## FINE"), Spanish's the same as French's.
Portuguese is written as Brazil writes it, in words Portugal reads as well.
"""

from __future__ import annotations

from typing import Any

MORE_TEXT: dict[str, dict[str, Any]] = {
    "de": {
        "hello": "Guten Tag {guest},",
        "intro": (
            "vielen Dank, dass Sie diese Fragen beantworten! Schreiben Sie jede Antwort unter "
            "ihre Frage, in den frei gelassenen Platz, mit einem Programm Ihrer Wahl (oder "
            "direkt in Ihre Antwort auf die E-Mail)."
        ),
        "rules": [
            (
                "Bitte ändern Sie weder die Zeilen, die mit `## Q` beginnen (zum Beispiel "
                "`## Q1 [{first}]`), noch die erste Zeile: Daran wird jede Antwort erkannt."
            ),
            (
                "Ihre Antworten dürfen mehrere Absätze, Listen (eine Zeile pro Punkt, "
                "beginnend mit „- “), Links und Emojis enthalten."
            ),
            "Eine Frage ohne Antwort? Lassen Sie den Platz einfach leer.",
            (
                "Schicken Sie das Blatt als Anhang zurück oder im Text Ihrer Antwort: Die „>“, "
                "die Ihr E-Mail-Programm einfügt, stören nicht."
            ),
        ],
        "optional": "(freiwillig)",
        "choices": "Zur Auswahl: {choices}",
        "choices_multi": "Eine oder mehrere Optionen, durch Kommas getrennt: {choices}",
        "choices_counted": "{count}, durch Kommas getrennt: {choices}",
        "yesno": "Mit Ja oder Nein antworten.",
        "number": "Eine Zahl, zum Beispiel {example}.",
        "when": "(Nur wenn Sie auf Frage {number} mit {value} geantwortet haben.)",
        "when_not": "(Nur wenn Sie auf Frage {number} nicht mit {value} geantwortet haben.)",
        "when_answered": "(Nur wenn Sie Frage {number} beantwortet haben.)",
        "when_unanswered": "(Nur wenn Sie Frage {number} nicht beantwortet haben.)",
        "quote": "„{}“",
        "or": " oder ",
        "quoted": "Ihre Antwort auf Frage {number}",
        "yes": "Ja",
        "no": "Nein",
        "end": "Ende der Fragen: Vielen Dank!",
        "end_marker": "## ENDE",
    },
    "de-tu": {
        "hello": "Hallo {guest},",
        "intro": (
            "danke, dass du diese Fragen beantwortest! Schreib jede Antwort unter ihre Frage, "
            "in den frei gelassenen Platz, mit einem Programm deiner Wahl (oder direkt in "
            "deine Antwort auf die E-Mail)."
        ),
        "rules": [
            (
                "Bitte ändere weder die Zeilen, die mit `## Q` beginnen (zum Beispiel "
                "`## Q1 [{first}]`), noch die erste Zeile: Daran wird jede Antwort erkannt."
            ),
            (
                "Deine Antworten dürfen mehrere Absätze, Listen (eine Zeile pro Punkt, "
                "beginnend mit „- “), Links und Emojis enthalten."
            ),
            "Eine Frage ohne Antwort? Lass den Platz einfach leer.",
            (
                "Schick das Blatt als Anhang zurück oder im Text deiner Antwort: Die „>“, "
                "die dein E-Mail-Programm einfügt, stören nicht."
            ),
        ],
        "when": "(Nur wenn du auf Frage {number} mit {value} geantwortet hast.)",
        "when_not": "(Nur wenn du auf Frage {number} nicht mit {value} geantwortet hast.)",
        "when_answered": "(Nur wenn du Frage {number} beantwortet hast.)",
        "when_unanswered": "(Nur wenn du Frage {number} nicht beantwortet hast.)",
        "quoted": "deine Antwort auf Frage {number}",
    },
    "es": {
        "hello": "Hola, {guest}:",
        "intro": (
            "¡Gracias por aceptar responder a estas preguntas! Escriba cada respuesta debajo "
            "de su pregunta, en el espacio que queda libre, con el programa que prefiera (o "
            "directamente en su respuesta al correo)."
        ),
        "rules": [
            (
                "No modifique las líneas que empiezan por `## Q` (por ejemplo `## Q1 [{first}]`) "
                "ni la primera línea: sirven para encontrar cada respuesta."
            ),
            (
                "Sus respuestas pueden tener varios párrafos, listas (una línea por punto, "
                "que empiece por «- »), enlaces y emojis."
            ),
            "¿Una pregunta sin respuesta? Deje simplemente el espacio en blanco.",
            (
                "Devuelva la hoja como archivo adjunto o en el cuerpo de su respuesta: los «>» "
                "que añade el programa de correo no molestan."
            ),
        ],
        "optional": "(opcional)",
        "choices": "Elegir entre: {choices}",
        "choices_multi": "Una o varias opciones, separadas por comas: {choices}",
        "choices_counted": "{count}, separadas por comas: {choices}",
        "yesno": "Responder sí o no.",
        "number": "Un número, por ejemplo {example}.",
        "when": "(Solo si respondió {value} a la pregunta {number}.)",
        "when_not": "(Solo si no respondió {value} a la pregunta {number}.)",
        "when_answered": "(Solo si respondió a la pregunta {number}.)",
        "when_unanswered": "(Solo si no respondió a la pregunta {number}.)",
        "quote": "«{}»",
        "or": " o ",
        "quoted": "su respuesta a la pregunta {number}",
        "yes": "sí",
        "no": "no",
        "end": "Fin de las preguntas: ¡muchas gracias!",
        "end_marker": "## FIN",
    },
    "es-tu": {
        "intro": (
            "¡Gracias por aceptar responder a estas preguntas! Escribe cada respuesta debajo "
            "de su pregunta, en el espacio que queda libre, con el programa que prefieras (o "
            "directamente en tu respuesta al correo)."
        ),
        "rules": [
            (
                "No modifiques las líneas que empiezan por `## Q` (por ejemplo `## Q1 [{first}]`) "
                "ni la primera línea: sirven para encontrar cada respuesta."
            ),
            (
                "Tus respuestas pueden tener varios párrafos, listas (una línea por punto, "
                "que empiece por «- »), enlaces y emojis."
            ),
            "¿Una pregunta sin respuesta? Deja simplemente el espacio en blanco.",
            (
                "Devuelve la hoja como archivo adjunto o en el cuerpo de tu respuesta: los «>» "
                "que añade el programa de correo no molestan."
            ),
        ],
        "when": "(Solo si respondiste {value} a la pregunta {number}.)",
        "when_not": "(Solo si no respondiste {value} a la pregunta {number}.)",
        "when_answered": "(Solo si respondiste a la pregunta {number}.)",
        "when_unanswered": "(Solo si no respondiste a la pregunta {number}.)",
        "quoted": "tu respuesta a la pregunta {number}",
    },
    "it": {
        "hello": "Buongiorno {guest},",
        "intro": (
            "grazie per aver accettato di rispondere a queste domande! Scriva ogni risposta "
            "sotto la sua domanda, nello spazio lasciato libero, con il programma che preferisce "
            "(o direttamente nella Sua risposta all’e-mail)."
        ),
        "rules": [
            (
                "Non modifichi le righe che iniziano con `## Q` (per esempio `## Q1 [{first}]`) "
                "né la prima riga: servono a ritrovare ogni risposta."
            ),
            (
                "Le Sue risposte possono avere più paragrafi, elenchi (una riga per punto, "
                "che inizi con «- »), link ed emoji."
            ),
            "Una domanda senza risposta? Lasci semplicemente vuoto lo spazio.",
            (
                "Rimandi il foglio come allegato o nel testo della Sua risposta: i «>» aggiunti "
                "dal programma di posta non sono un problema."
            ),
        ],
        "optional": "(facoltativa)",
        "choices": "Scegliere tra: {choices}",
        "choices_multi": "Una o più scelte, separate da virgole: {choices}",
        "choices_counted": "{count}, separate da virgole: {choices}",
        "yesno": "Rispondere sì o no.",
        "number": "Un numero, per esempio {example}.",
        "when": "(Solo se ha risposto {value} alla domanda {number}.)",
        "when_not": "(Solo se non ha risposto {value} alla domanda {number}.)",
        "when_answered": "(Solo se ha risposto alla domanda {number}.)",
        "when_unanswered": "(Solo se non ha risposto alla domanda {number}.)",
        "quote": "«{}»",
        "or": " o ",
        "quoted": "la Sua risposta alla domanda {number}",
        "yes": "sì",
        "no": "no",
        "end": "Fine delle domande: grazie mille!",
        "end_marker": "## FINE",
    },
    "it-tu": {
        "hello": "Ciao {guest},",
        "intro": (
            "grazie per aver accettato di rispondere a queste domande! Scrivi ogni risposta "
            "sotto la sua domanda, nello spazio lasciato libero, con il programma che preferisci "
            "(o direttamente nella tua risposta all’e-mail)."
        ),
        "rules": [
            (
                "Non modificare le righe che iniziano con `## Q` (per esempio `## Q1 [{first}]`) "
                "né la prima riga: servono a ritrovare ogni risposta."
            ),
            (
                "Le tue risposte possono avere più paragrafi, elenchi (una riga per punto, "
                "che inizi con «- »), link ed emoji."
            ),
            "Una domanda senza risposta? Lascia semplicemente vuoto lo spazio.",
            (
                "Rimanda il foglio come allegato o nel testo della tua risposta: i «>» aggiunti "
                "dal programma di posta non sono un problema."
            ),
        ],
        "when": "(Solo se hai risposto {value} alla domanda {number}.)",
        "when_not": "(Solo se non hai risposto {value} alla domanda {number}.)",
        "when_answered": "(Solo se hai risposto alla domanda {number}.)",
        "when_unanswered": "(Solo se non hai risposto alla domanda {number}.)",
        "quoted": "la tua risposta alla domanda {number}",
    },
    "nl": {
        "hello": "Beste {guest},",
        "intro": (
            "Hartelijk dank dat u deze vragen wilt beantwoorden! Schrijf elk antwoord onder "
            "de vraag, in de lege ruimte, met een programma naar keuze (of direct in uw "
            "antwoord op de e-mail)."
        ),
        "rules": [
            (
                "Verander de regels die met `## Q` beginnen (bijvoorbeeld `## Q1 [{first}]`) "
                "en de eerste regel niet: daaraan wordt elk antwoord herkend."
            ),
            (
                "Uw antwoorden mogen meerdere alinea’s, lijsten (één regel per punt, "
                "beginnend met “- ”), links en emoji bevatten."
            ),
            "Een vraag zonder antwoord? Laat de ruimte dan gewoon leeg.",
            (
                "Stuur het formulier terug als bijlage of in de tekst van uw antwoord: de “>” "
                "die uw mailprogramma toevoegt, zijn geen probleem."
            ),
        ],
        "optional": "(optioneel)",
        "choices": "Kies uit: {choices}",
        "choices_multi": "Een of meer keuzes, gescheiden door komma’s: {choices}",
        "choices_counted": "{count}, gescheiden door komma’s: {choices}",
        "yesno": "Antwoord met ja of nee.",
        "number": "Een getal, bijvoorbeeld {example}.",
        "when": "(Alleen als u op vraag {number} {value} hebt geantwoord.)",
        "when_not": "(Alleen als u op vraag {number} niet {value} hebt geantwoord.)",
        "when_answered": "(Alleen als u vraag {number} hebt beantwoord.)",
        "when_unanswered": "(Alleen als u vraag {number} niet hebt beantwoord.)",
        "quote": "‘{}’",
        "or": " of ",
        "quoted": "uw antwoord op vraag {number}",
        "yes": "ja",
        "no": "nee",
        "end": "Einde van de vragen: hartelijk dank!",
        "end_marker": "## EINDE",
    },
    "nl-tu": {
        "hello": "Hoi {guest},",
        "intro": (
            "Bedankt dat je deze vragen wilt beantwoorden! Schrijf elk antwoord onder "
            "de vraag, in de lege ruimte, met een programma naar keuze (of direct in je "
            "antwoord op de e-mail)."
        ),
        "rules": [
            (
                "Verander de regels die met `## Q` beginnen (bijvoorbeeld `## Q1 [{first}]`) "
                "en de eerste regel niet: daaraan wordt elk antwoord herkend."
            ),
            (
                "Je antwoorden mogen meerdere alinea’s, lijsten (één regel per punt, "
                "beginnend met “- ”), links en emoji bevatten."
            ),
            "Een vraag zonder antwoord? Laat de ruimte dan gewoon leeg.",
            (
                "Stuur het formulier terug als bijlage of in de tekst van je antwoord: de “>” "
                "die je mailprogramma toevoegt, zijn geen probleem."
            ),
        ],
        "when": "(Alleen als je op vraag {number} {value} hebt geantwoord.)",
        "when_not": "(Alleen als je op vraag {number} niet {value} hebt geantwoord.)",
        "when_answered": "(Alleen als je vraag {number} hebt beantwoord.)",
        "when_unanswered": "(Alleen als je vraag {number} niet hebt beantwoord.)",
        "quoted": "je antwoord op vraag {number}",
        "end": "Einde van de vragen: heel erg bedankt!",
    },
    "pt": {
        "hello": "Olá, {guest}!",
        "intro": (
            "Agradecemos por ter aceitado responder a estas perguntas! Escreva cada resposta "
            "abaixo da pergunta, no espaço deixado em branco, com o programa que preferir (ou "
            "diretamente na sua resposta ao e-mail)."
        ),
        "rules": [
            (
                "Não altere as linhas que começam com `## Q` (por exemplo `## Q1 [{first}]`) "
                "nem a primeira linha: elas servem para identificar cada resposta."
            ),
            (
                "As suas respostas podem ter vários parágrafos, listas (uma linha por item, "
                "começando com “- ”), links e emojis."
            ),
            "Uma pergunta sem resposta? Basta deixar o espaço em branco.",
            (
                "Devolva a folha como anexo ou no corpo da sua resposta: os “>” que o programa "
                "de e-mail acrescenta não atrapalham."
            ),
        ],
        "optional": "(opcional)",
        "choices": "Escolher entre: {choices}",
        "choices_multi": "Uma ou mais opções, separadas por vírgulas: {choices}",
        "choices_counted": "{count}, separadas por vírgulas: {choices}",
        "yesno": "Responder sim ou não.",
        "number": "Um número, por exemplo {example}.",
        "when": "(Só se você respondeu {value} à pergunta {number}.)",
        "when_not": "(Só se você não respondeu {value} à pergunta {number}.)",
        "when_answered": "(Só se você respondeu à pergunta {number}.)",
        "when_unanswered": "(Só se você não respondeu à pergunta {number}.)",
        "quote": "“{}”",
        "or": " ou ",
        "quoted": "a sua resposta à pergunta {number}",
        "yes": "sim",
        "no": "não",
        "end": "Fim das perguntas: agradecemos de coração!",
        "end_marker": "## FIM",
    },
    "pt-tu": {
        "intro": (
            "Agradecemos por teres aceitado responder a estas perguntas! Escreve cada resposta "
            "abaixo da pergunta, no espaço deixado em branco, com o programa que preferires (ou "
            "diretamente na tua resposta ao e-mail)."
        ),
        "rules": [
            (
                "Não alteres as linhas que começam com `## Q` (por exemplo `## Q1 [{first}]`) "
                "nem a primeira linha: elas servem para identificar cada resposta."
            ),
            (
                "As tuas respostas podem ter vários parágrafos, listas (uma linha por item, "
                "começando com “- ”), links e emojis."
            ),
            "Uma pergunta sem resposta? Basta deixar o espaço em branco.",
            (
                "Devolve a folha como anexo ou no corpo da tua resposta: os “>” que o programa "
                "de e-mail acrescenta não atrapalham."
            ),
        ],
        "when": "(Só se respondeste {value} à pergunta {number}.)",
        "when_not": "(Só se não respondeste {value} à pergunta {number}.)",
        "when_answered": "(Só se respondeste à pergunta {number}.)",
        "when_unanswered": "(Só se não respondeste à pergunta {number}.)",
        "quoted": "a tua resposta à pergunta {number}",
    },
}

# The familiar form's words are the polite one's where they do not differ.
for _language in ("de", "es", "it", "nl", "pt"):
    MORE_TEXT[f"{_language}-tu"] = MORE_TEXT[_language] | MORE_TEXT[f"{_language}-tu"]
