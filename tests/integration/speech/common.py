"""Sample sentences (about 30 words, one per language) and markers for the speech tests."""

import pytest

# QtMultimedia probes optional libraries and an audio server that CI does not have.
QT_MULTIMEDIA_NOISE = pytest.mark.qt_log_ignore(
    r"Couldn't (load|resolve) .*(library|symbols)",
    r"PulseAudioService: pa_context_connect\(\) failed",
    r"No audio device detected",
)


SAMPLES = {
    "bg": "Днес ще ви покажем как да подадете сигнал до общината за счупена пейка в парка, "
    "като използвате този екран, големите бутони и гласа, който чете всичко на глас, бавно и ясно.",
    "en": "Today we will show you how to report a broken bench in the park to the city, using "
    "this screen, the large buttons and the voice that reads everything aloud, slowly and clearly.",
    "uk": "Сьогодні ми покажемо вам, як повідомити місту про зламану лавку в парку за допомогою "
    "цього екрана, великих кнопок і голосу, який читає все вголос, повільно і чітко.",
    "tr": "Bugün size parktaki kırık bir bankı belediyeye nasıl bildireceğinizi, bu ekranı, büyük "
    "düğmeleri ve her şeyi yavaşça ve açıkça sesli okuyan sesi kullanarak göstereceğiz.",
}
