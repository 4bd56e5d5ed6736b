// zod/mini carries no texts of its own: the shared schemas' messages are the full zod's English
// ones (the server's), which the extension's options page also loads for its form.
import { z } from 'zod';

z.config(z.locales.en());
