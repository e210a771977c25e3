import { ApiKeySection } from './ApiKeySection';
import { VoiceSection } from './VoiceSection';
import './options.css';

export function OptionsPage() {
  return (
    <main class="options">
      <header>
        <h1>ScriptMeter</h1>
        <p class="lede">How long your text-to-speech script will sound, and what it will cost.</p>
      </header>
      <ApiKeySection />
      <VoiceSection />
    </main>
  );
}
